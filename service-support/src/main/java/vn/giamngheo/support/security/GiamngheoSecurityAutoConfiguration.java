package vn.giamngheo.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every service is an OAuth2 resource server: it accepts JWTs from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri}), maps the {@code roles} claim
 * to {@code ROLE_*} and the scopes to {@code SCOPE_*}, applies the service's {@link AccessRules}, and refuses
 * everything else. No sessions and no cookies, hence no CSRF tokens.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class GiamngheoSecurityAutoConfiguration {

    /** The name of the bearer-token security scheme in every service's OpenAPI document. */
    public static final String BEARER = "bearer";

    @Bean
    SecurityFilterChain giamngheoSecurityFilterChain(HttpSecurity http, List<AccessRules> rules,
                                                     Environment environment) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        int anonymousWrites = environment.getProperty("giamngheo.security.anonymous-writes-per-minute",
                Integer.class, 20);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**", "/error").permitAll();
                    requests.requestMatchers("/actuator/**").hasAuthority(Roles.AUTHORITY_ADMIN);
                    rules.forEach(rule -> rule.define(requests));
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenAuthorities()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new AnonymousWriteLimit(anonymousWrites), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Swagger UI's "Authorize" button: a bearer-token scheme, and at the top level "a token, or none" — which
     * operations need one is each service's to say (in its rules and operation descriptions).
     */
    @Bean
    OpenApiCustomizer giamngheoBearerTokens() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(BEARER)) {
                components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").bearerFormat("JWT")
                        .description("An access token from the suite's identity provider (local issuer or Keycloak)"));
            }
            openApi.components(components);
            if (openApi.getSecurity() == null) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER))
                        .addSecurityItem(new SecurityRequirement());
            }
        };
    }

    /** {@code roles: ["ADMIN"]} → ROLE_ADMIN; {@code scope: "api.read"} → SCOPE_api.read. */
    static JwtAuthenticationConverter tokenAuthorities() {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(CurrentCaller.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            if (jwt.hasClaim(CurrentCaller.ROLES_CLAIM)) {
                authorities.addAll(roles.convert(jwt));
            }
            return authorities;
        });
        return converter;
    }
}
