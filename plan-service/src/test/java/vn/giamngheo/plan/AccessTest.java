package vn.giamngheo.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.support.security.Caller;

/** Who reads everything (drafts, who acted) and who gets the public's view, decided like the readers' rule. */
class AccessTest {

    @Test
    void people_with_a_role_and_machines_with_api_read_read_everything_others_get_the_public_view() {
        assertThat(Access.readsEverything(user("ADMIN"))).isTrue();
        assertThat(Access.readsEverything(user("OFFICER"))).isTrue();
        assertThat(Access.readsEverything(user("VIEWER"))).isTrue();
        assertThat(Access.readsEverything(machine("api.read", "poverty.import"))).isTrue();
        assertThat(Access.readsEverything(machine("poverty.import"))).isFalse();
        assertThat(Access.readsEverything(user("GUEST"))).isFalse();
        assertThat(Access.readsEverything(Caller.anonymous())).isFalse();
        assertThat(Access.readsEverything(Caller.system("plan-service"))).isFalse();
    }

    private static Caller user(String role) {
        return new Caller("someone", "someone", null, Set.of(role), Set.of("openid"), Actor.Kind.USER);
    }

    private static Caller machine(String... scopes) {
        return new Caller("sldtbxh-system", "sldtbxh-system", "SLDTBXH-14", Set.of(), Set.of(scopes),
                Actor.Kind.MACHINE);
    }
}
