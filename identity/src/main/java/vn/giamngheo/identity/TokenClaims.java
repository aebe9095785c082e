package vn.giamngheo.identity;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims of the suite's authorization contract, the same the Keycloak realm's mappers produce. A user's access
 * token gets {@code roles} (JSON array), {@code unit} (officers only), {@code preferred_username} and {@code name};
 * a machine's access token gets {@code unit} if its client has one. {@code sub} is already the user name or the client
 * id. {@code scope} becomes one space-separated string, as RFC 9068 has it and Keycloak writes it (Spring Authorization
 * Server writes an array; Spring's resource servers read both). ID tokens get the two name claims.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final IdentityProperties properties;

    TokenClaims(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken && !context.getAuthorizedScopes().isEmpty()) {
            context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (accessToken) {
                properties.client(context.getRegisteredClient().getClientId())
                        .map(IdentityProperties.Client::unit)
                        .ifPresent(unit -> context.getClaims().claim("unit", unit));
            }
            return;
        }
        properties.user(context.getPrincipal().getName()).ifPresent(user -> context.getClaims().claims(claims -> {
            claims.put("preferred_username", user.username());
            claims.put("name", user.name());
            if (accessToken) {
                claims.put("roles", user.roles());
                if (user.unit() != null) {
                    claims.put("unit", user.unit());
                }
            }
        }));
    }
}
