package vn.giamngheo.task.task.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.giamngheo.support.security.AccessRules;
import vn.giamngheo.support.security.Roles;

/**
 * Who may call which task endpoint, by role and scope; every endpoint is listed, anything else is refused. Which
 * officers may act on which task (its lead unit; a coordinating unit for notes only) is decided per task by
 * {@code TaskAccess}. Tasks are not public: the public follows the programme through the report-service's reports.
 */
@Component
class TaskAccessRules implements AccessRules {

    private static final String TASKS = "/api/v1/tasks";

    @Override
    public void define(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.GET, TASKS, TASKS + "/*", TASKS + "/*/progress-reports",
                        TASKS + "/*/extensions", TASKS + "/*/dissemination-sessions", TASKS + "/*/audit")
                .hasAnyAuthority(Roles.READERS)
                .requestMatchers(HttpMethod.POST, TASKS, TASKS + "/*/cancel").hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(HttpMethod.POST, TASKS + "/*/progress", TASKS + "/*/complete", TASKS + "/*/block",
                        TASKS + "/*/unblock", TASKS + "/*/extend", TASKS + "/*/dissemination-sessions")
                .hasAnyAuthority(Roles.ADMIN_OR_OFFICER);
    }
}
