package vn.giamngheo.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server wired to {@link IdentityProperties}: the protocol endpoints (authorize, token, JWKS,
 * OpenID discovery) in one filter chain, Spring Security's default login form for everything else, users and clients
 * in memory, the signing key from its file, and {@link TokenClaims} for the contract's claims.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationServerConfig.class);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer.oidc(Customizer.withDefaults());
            authorizationServer.tokenEndpoint(token -> token.accessTokenRequestConverter(new AllScopesWhenNoneAsked()));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // The OpenID userinfo endpoint accepts this issuer's own access tokens.
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        // A browser (Accept: text/html) that is not logged in yet goes to the login form, and comes back afterwards.
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browsers));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginSecurityFilterChain(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize.requestMatchers("/error").permitAll()
                .anyRequest().authenticated());
        http.formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** Accepts every Spring Security encoding ({@code {bcrypt}…}, {@code {pbkdf2}…}); encodes with bcrypt. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(IdentityProperties properties, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (IdentityProperties.User user : properties.users()) {
            users.createUser(User.withUsername(user.username())
                    .password(encoded(user.password(), encoder))
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        return users;
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        return new InMemoryRegisteredClientRepository(properties.clients().stream()
                .map(client -> registeredClient(client, tokens, encoder)).toList());
    }

    private static RegisteredClient registeredClient(IdentityProperties.Client client, TokenSettings tokens,
                                                     PasswordEncoder encoder) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(tokens);
        if (client.isMachine()) {
            return builder.clientSecret(encoded(client.secret(), encoder))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build();
        }
        // A public client (a browser or a command-line tool) cannot keep a secret: PKCE instead, and no consent
        // page, as the suite's own web client needs none.
        return builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        RSAKey key = SigningKey.loadOrCreate(properties.keyFile());
        LOG.info("Signing key {} from {}; issuer {}; {} users, {} clients", key.getKeyID(),
                properties.keyFile().toAbsolutePath().normalize(),
                isBlank(properties.issuer()) ? "(from each request)" : properties.issuer(),
                properties.users().size(), properties.clients().size());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!isBlank(properties.issuer())) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(IdentityProperties properties) {
        return new TokenClaims(properties);
    }

    /**
     * Configuration holds the demo values in plain text; they are hashed once at start, so that the plain text is not
     * what the server compares against (and two demo clients sharing one demo secret do not trip Spring Authorization
     * Server's check that no two clients have the same stored secret). A value already marked with an encoder id, such
     * as {@code {bcrypt}…}, stays as it is.
     */
    static String encoded(String secret, PasswordEncoder encoder) {
        return secret.startsWith("{") ? secret : encoder.encode(secret);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
