package vn.giamngheo.bench.apps.empty;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The footprint baseline: an empty Spring Boot web application with actuator, so it answers the same readiness probe
 * as the services and nothing else. Started with a class path without MongoDB, so nothing but the web layer comes up.
 */
@SpringBootApplication
public class EmptyApp {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(EmptyApp.class);
        app.setDefaultProperties(Map.of("management.endpoint.health.probes.enabled", "true"));
        app.run(args);
    }
}
