package vn.giamngheo.support.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.giamngheo.contracts.Actor;

/** A minimal service with one endpoint per kind of rule, to test the shared security configuration alone. */
@SpringBootApplication
class SecurityTestApp {

    @Bean
    AccessRules testRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/v1/open").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/feedback").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/read").hasAnyAuthority(Roles.READERS)
                .requestMatchers(HttpMethod.POST, "/api/v1/write").hasAuthority(Roles.AUTHORITY_ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/units/*/act").hasAnyAuthority(Roles.ADMIN_OR_OFFICER);
    }

    @RestController
    static class Endpoints {

        private final CurrentCaller caller;

        Endpoints(CurrentCaller caller) {
            this.caller = caller;
        }

        @GetMapping("/api/v1/open")
        Actor open() {
            return caller.actor();
        }

        @GetMapping("/api/v1/read")
        Map<String, String> read() {
            return Map.of("read", "ok");
        }

        @GetMapping("/api/v1/unruled")
        Map<String, String> unruled() {
            return Map.of("unruled", "reached");
        }

        @PostMapping("/api/v1/write")
        Map<String, String> write() {
            return Map.of("written", "ok");
        }

        @PostMapping("/api/v1/feedback")
        Actor feedback() {
            return caller.actor();
        }

        @PostMapping("/api/v1/units/{unit}/act")
        Actor act(@PathVariable String unit) {
            caller.get().requireAdminOrOfficerOf(unit, "act for this unit");
            return caller.actor();
        }
    }
}
