package vn.giamngheo.support.testing;

import java.util.List;

/**
 * Someone a component test acts as: the claims {@link TestIssuer} puts in the token, shaped like the local issuer's
 * and Keycloak's tokens (roles, unit, scope).
 */
public record TestCaller(String subject, List<String> roles, String unit, List<String> scopes) {

    public static final TestCaller ADMIN = new TestCaller("admin", List.of("ADMIN"), null, List.of("openid"));
    public static final TestCaller VIEWER = new TestCaller("thanhtra", List.of("VIEWER"), null, List.of("openid"));

    public static TestCaller officerOf(String unitCode) {
        return new TestCaller("officer-" + unitCode.toLowerCase(), List.of("OFFICER"), unitCode, List.of("openid"));
    }

    /** A department's system (client credentials): no roles, its scopes, and its unit if it has one. */
    public static TestCaller machine(String clientId, String unitCode, String... scopes) {
        return new TestCaller(clientId, List.of(), unitCode, List.of(scopes));
    }
}
