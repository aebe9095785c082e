package vn.giamngheo.localstack;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Whom the demo-data loader acts as, each a source of bearer tokens: the administrator sets up plans, funding and
 * tasks; a task's sessions, progress, extension, completion or block come from its lead unit's officer where the demo
 * has one (as in real use, so the services' unit rules are exercised), from the administrator otherwise.
 */
public final class DemoActors {

    private final Supplier<String> admin;
    private final Function<String, Supplier<String>> leadOfficer;

    /** @param leadOfficer the token source of a unit's officer, given the unit code */
    DemoActors(Supplier<String> admin, Function<String, Supplier<String>> leadOfficer) {
        this.admin = admin;
        this.leadOfficer = leadOfficer;
    }

    /** The {@link DemoIdentities}, logged in at the issuer {@code tokens} talks to. */
    public static DemoActors loggedInAt(Tokens tokens) {
        DemoIdentities.Login adminLogin = DemoIdentities.admin();
        Supplier<String> adminToken = () -> tokens.user(adminLogin.username(), adminLogin.password());
        return new DemoActors(adminToken, unit -> DemoIdentities.officerOf(unit)
                .<Supplier<String>>map(officer -> () -> tokens.user(officer.username(), officer.password()))
                .orElse(adminToken));
    }

    /** No Authorization header at all, for services that check no tokens. */
    public static DemoActors anonymous() {
        Supplier<String> none = () -> null;
        return new DemoActors(none, unit -> none);
    }

    Supplier<String> admin() {
        return admin;
    }

    Supplier<String> leadOfficer(String unitCode) {
        return leadOfficer.apply(unitCode);
    }
}
