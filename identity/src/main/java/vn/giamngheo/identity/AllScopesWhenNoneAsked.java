package vn.giamngheo.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A machine client that asks for no scope gets every scope it is registered with, as Keycloak grants a client's
 * default scopes: a department's system then gets the same token from both issuers. Spring Authorization Server
 * alone would grant no scope at all. A request that names scopes is left as it is (and validated as usual).
 */
final class AllScopesWhenNoneAsked implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter delegate =
            new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant && grant.getScopes().isEmpty()
                && grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
                    grant.getAdditionalParameters());
        }
        return converted;
    }
}
