package vn.giamngheo.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's issuer of OAuth2 access tokens: Spring Authorization Server with the demo users and clients of
 * {@code giamngheo.identity} in application.yml. docker-compose runs Keycloak with the same realm instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
