package vn.giamngheo.plan;

import java.util.Arrays;
import vn.giamngheo.support.security.Caller;
import vn.giamngheo.support.security.Roles;

/**
 * Who may read and change what in the plan-service, in the words the OpenAPI document shows, and the one decision the
 * service makes itself: whether a caller reads everything or sees what the public sees. The rules per endpoint are in
 * {@link AccessConfiguration}.
 */
public final class Access {

    /** The OpenAPI security scheme of the endpoints that need a token. */
    public static final String BEARER = "bearer";

    public static final String PUBLIC = "Access: public, no token needed.";
    public static final String PUBLIC_PLANS = "Access: public, no token needed. Draft plans are shown only to "
            + "callers with role ADMIN, OFFICER or VIEWER or scope api.read; to everyone else a draft does not exist "
            + "(404, left out of lists).";
    public static final String READERS = "Access: a token with role ADMIN, OFFICER or VIEWER, or a machine client's "
            + "scope api.read; 401 without a token, 403 for other tokens.";
    public static final String ADMIN = "Access: the province administrator (role ADMIN) only; 401 without a token, 403 "
            + "for every other role or scope.";

    private Access() {
    }

    /**
     * Whether the caller reads everything ({@link Roles#READERS}: draft plans, funding, audit trails, who made each
     * step) or gets the public's view: the public, and machine clients without {@code api.read}.
     */
    public static boolean readsEverything(Caller caller) {
        return Arrays.stream(Roles.READERS).anyMatch(authority ->
                caller.roles().stream().anyMatch(role -> authority.equals("ROLE_" + role))
                        || caller.scopes().stream().anyMatch(scope -> authority.equals("SCOPE_" + scope)));
    }
}
