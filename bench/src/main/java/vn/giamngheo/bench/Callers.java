package vn.giamngheo.bench;

import vn.giamngheo.localstack.DemoIdentities;
import vn.giamngheo.localstack.Tokens;

/**
 * Who the bench is when it calls the services: the demo administrator (every call but the poverty upload) and the
 * labour department's machine client {@code sldtbxh-system} (scope {@code poverty.import}: the upload and following
 * it), with real tokens from the stack's issuer — the services verify them as they verify everyone's.
 */
final class Callers {

    private final Tokens tokens;
    private final String adminPassword = DemoIdentities.admin().password();
    private final String machineSecret = DemoIdentities.machineSecret();

    Callers(Tokens tokens) {
        this.tokens = tokens;
    }

    /** {@code Bearer <token>} of the administrator; cached by {@link Tokens} until shortly before it expires. */
    String admin() {
        return "Bearer " + tokens.user(DemoIdentities.ADMIN, adminPassword);
    }

    /** {@code Bearer <token>} of the department's system that submits household review records. */
    String importer() {
        return "Bearer " + tokens.machine(DemoIdentities.SLDTBXH_SYSTEM, machineSecret);
    }

    /**
     * Fresh tokens (they live ten minutes) before a measured window, so that no window pays for a login: a renewal
     * takes a browser-like login at the issuer, which inside a window would show up as a latency no user sees.
     */
    void renew() {
        tokens.forget();
        admin();
        importer();
    }
}
