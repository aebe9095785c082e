package vn.giamngheo.report.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import vn.giamngheo.support.security.AccessRules;
import vn.giamngheo.support.security.Roles;

/**
 * Who may call which endpoint of the report-service (see the README's "Access" table). Checks that depend on the
 * aggregate — the officer's unit against the submission's, the feedback's or the alert's unit, and which
 * submissions an officer may read — are made by the commands and controllers with the current caller.
 */
@Configuration
class ReportAccessConfiguration {

    /** Readers, and the departments' systems that import households (they follow their imports). */
    private static final String[] READERS_OR_IMPORTERS = Stream.concat(Stream.of(Roles.READERS),
            Stream.of(Roles.POVERTY_IMPORTERS)).distinct().toArray(String[]::new);

    @Bean
    AccessRules reportAccessRules(PublishedReviews published) {
        AuthorizationManager<RequestAuthorizationContext> readers =
                AuthorityAuthorizationManager.hasAnyAuthority(Roles.READERS);
        // A published review's figures are public; an open review's are provisional, for readers only.
        AuthorizationManager<RequestAuthorizationContext> publishedYearOrReaders =
                AuthorizationManagers.anyOf(readers, published.yearIsPublished());
        AuthorizationManager<RequestAuthorizationContext> publishedYearsOrReaders =
                AuthorizationManagers.anyOf(readers, published.fromAndToArePublished());
        return requests -> requests
                // monitoring reports and their exports: what the public may read
                .requestMatchers(GET, "/api/v1/reports/**").permitAll()
                // periodic report submissions
                .requestMatchers(GET, "/api/v1/submissions", "/api/v1/submissions/overview",
                        "/api/v1/submissions/*", "/api/v1/submissions/*/audit").hasAnyAuthority(Roles.READERS)
                .requestMatchers(POST, "/api/v1/submissions", "/api/v1/submissions/*/submit")
                .hasAnyAuthority(Roles.ADMIN_OR_OFFICER)
                .requestMatchers(PUT, "/api/v1/submissions/*").hasAnyAuthority(Roles.ADMIN_OR_OFFICER)
                .requestMatchers(POST, "/api/v1/submissions/*/return", "/api/v1/submissions/*/approve")
                .hasAuthority(Roles.AUTHORITY_ADMIN)
                // community feedback: anyone may give it and read it (never the contact); officials answer
                .requestMatchers(GET, "/api/v1/feedback/*/audit").hasAnyAuthority(Roles.READERS)
                .requestMatchers(GET, "/api/v1/feedback", "/api/v1/feedback/*").permitAll()
                .requestMatchers(POST, "/api/v1/feedback").permitAll()
                .requestMatchers(POST, "/api/v1/feedback/*/answer").hasAnyAuthority(Roles.ADMIN_OR_OFFICER)
                // alerts
                .requestMatchers(GET, "/api/v1/alerts", "/api/v1/alerts/*", "/api/v1/alerts/*/audit")
                .hasAnyAuthority(Roles.READERS)
                .requestMatchers(POST, "/api/v1/alerts/checks").hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(POST, "/api/v1/alerts/*/acknowledge").hasAnyAuthority(Roles.ADMIN_OR_OFFICER)
                // the household poverty review
                .requestMatchers(GET, "/api/v1/poverty/reviews").permitAll()
                .requestMatchers(GET, "/api/v1/poverty/reviews/{year}", "/api/v1/poverty/reviews/{year}/rates",
                        "/api/v1/poverty/reviews/{year}/rates.xlsx", "/api/v1/poverty/reviews/{year}/mpi")
                .access(publishedYearOrReaders)
                .requestMatchers(GET, "/api/v1/poverty/movements").access(publishedYearsOrReaders)
                .requestMatchers(GET, "/api/v1/poverty/reviews/*/households/*", "/api/v1/poverty/households/*",
                        "/api/v1/poverty/reviews/*/audit").hasAnyAuthority(Roles.READERS)
                .requestMatchers(GET, "/api/v1/poverty/reviews/*/template.csv", "/api/v1/poverty/imports/*",
                        "/api/v1/poverty/imports/*/errors").hasAnyAuthority(READERS_OR_IMPORTERS)
                .requestMatchers(POST, "/api/v1/poverty/reviews/*/imports").hasAnyAuthority(Roles.POVERTY_IMPORTERS)
                .requestMatchers(POST, "/api/v1/poverty/reviews/*/publish", "/api/v1/poverty/reviews/*/reopen",
                        "/api/v1/poverty/demo").hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(GET, "/api/v1/poverty/indicator-actuals", "/api/v1/poverty/standards",
                        "/api/v1/poverty/standards/*", "/api/v1/poverty/units").permitAll();
    }
}
