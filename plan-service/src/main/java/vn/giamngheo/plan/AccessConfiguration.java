package vn.giamngheo.plan;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import vn.giamngheo.support.security.AccessRules;
import vn.giamngheo.support.security.Roles;

/**
 * Who may call which endpoint of the plan-service. The public reads units and published plans with their structure,
 * revisions and history (drafts are hidden by the service itself, see {@link Access#readsEverything}); signed-in
 * readers also read funding and audit trails; only the province administrator changes anything: the unit registry,
 * plans, their structure and lifecycle, allocations and disbursements. Every endpoint is named on purpose: a new one
 * matches no rule and is refused until it is given one here (and a row in {@code access/plan-service.matrix}).
 */
@Configuration
@SecurityScheme(name = Access.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from the suite's identity provider (local issuer or Keycloak)")
class AccessConfiguration {

    @Bean
    AccessRules planServiceAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/v1/units", "/api/v1/units/*", "/api/v1/units/*/successors",
                        "/api/v1/units/*/predecessors",
                        "/api/v1/plans", "/api/v1/plans/*", "/api/v1/plans/*/objectives",
                        "/api/v1/plans/*/revisions", "/api/v1/plans/*/history").permitAll()
                // Funding is read by signed-in readers; the public's view of it is the report-service's funding
                // report. Audit trails name the people who made each change.
                .requestMatchers(HttpMethod.GET, "/api/v1/units/*/audit", "/api/v1/plans/*/audit",
                        "/api/v1/plans/*/allocations", "/api/v1/allocations/totals", "/api/v1/allocations/*",
                        "/api/v1/allocations/*/audit").hasAnyAuthority(Roles.READERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/units", "/api/v1/units/import", "/api/v1/units/*/retire",
                        "/api/v1/plans", "/api/v1/plans/*/objectives", "/api/v1/plans/*/objectives/*/indicators",
                        "/api/v1/plans/*/issue", "/api/v1/plans/*/revisions", "/api/v1/plans/*/close",
                        "/api/v1/plans/*/cancel", "/api/v1/plans/*/allocations",
                        "/api/v1/allocations/*/disbursements", "/api/v1/allocations/*/cancel")
                .hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/v1/units/*", "/api/v1/plans/*/details",
                        "/api/v1/plans/*/objectives/*", "/api/v1/plans/*/indicators/*",
                        "/api/v1/plans/*/indicators/*/targets", "/api/v1/allocations/*")
                .hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(HttpMethod.DELETE, "/api/v1/plans/*/objectives/*", "/api/v1/plans/*/indicators/*")
                .hasAuthority(Roles.AUTHORITY_ADMIN);
    }
}
