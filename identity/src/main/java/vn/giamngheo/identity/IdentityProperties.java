package vn.giamngheo.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in and which clients may ask for tokens, bound from {@code giamngheo.identity}. The shipped values are
 * DEMO identities; an administrator replaces them with another configuration file
 * ({@code SPRING_CONFIG_ADDITIONAL_LOCATION}) or overrides single values through the environment. Inconsistent
 * configuration stops the start with a message, so a typo never becomes a user without a unit.
 *
 * @param issuer         the {@code iss} every token carries; blank: derived from each request's host (tests only)
 * @param keyFile        the RSA signing key (PKCS#8 PEM or JWK JSON); generated and written there when absent
 * @param accessTokenTtl how long an access token is valid
 */
@ConfigurationProperties("giamngheo.identity")
public record IdentityProperties(String issuer, Path keyFile, Duration accessTokenTtl, List<User> users,
                                 List<Client> clients) {

    /** The roles of the authorization contract; Spring authorities become ROLE_&lt;role&gt;. */
    public static final Set<String> ROLES = Set.of("ADMIN", "OFFICER", "VIEWER");

    public IdentityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
        if (keyFile == null) {
            throw new IllegalArgumentException("giamngheo.identity.key-file (GIAMNGHEO_IDENTITY_KEY_FILE) is not set");
        }
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("giamngheo.identity.access-token-ttl must be a positive duration");
        }
        Set<String> names = new HashSet<>();
        for (User user : users) {
            if (!names.add(user.username())) {
                throw new IllegalArgumentException("giamngheo.identity.users: " + user.username() + " appears twice");
            }
        }
        Set<String> clientIds = new HashSet<>();
        for (Client client : clients) {
            if (!clientIds.add(client.clientId())) {
                throw new IllegalArgumentException("giamngheo.identity.clients: " + client.clientId()
                        + " appears twice");
            }
        }
    }

    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /**
     * A person who logs in with a password.
     *
     * @param password plain text (demo) or a Spring Security encoded value such as {@code {bcrypt}$2a$10$…}
     * @param name     the display name, put into the {@code name} claim
     * @param unit     the unit code of an officer (e.g. {@code BDT-14}); null for others
     */
    public record User(String username, String password, String name, List<String> roles, String unit) {

        public User {
            require(username, "users[].username");
            require(password, "users[" + username + "].password");
            name = name == null || name.isBlank() ? username : name;
            roles = roles == null ? List.of() : List.copyOf(roles);
            unit = unit == null || unit.isBlank() ? null : unit;
            if (roles.isEmpty() || !ROLES.containsAll(roles)) {
                throw new IllegalArgumentException("giamngheo.identity.users[" + username + "].roles must be some of "
                        + ROLES + ", not " + roles);
            }
            if (roles.contains("OFFICER") && unit == null) {
                throw new IllegalArgumentException("giamngheo.identity.users[" + username
                        + "] is an OFFICER and needs a unit");
            }
        }
    }

    /**
     * An application that asks for tokens.
     *
     * @param secret       the client secret of a machine client (plain text for the demo, or encoded as above);
     *                     null for a public client, which must use the authorization code flow with PKCE
     * @param scopes       what the client may be granted; a machine that asks for none gets all of them
     * @param redirectUris where a browser client may receive its code; a loopback IP address (127.0.0.1) matches
     *                     any port, as RFC 8252 asks for native apps
     * @param unit         the unit a department's machine client acts for; null for others
     */
    public record Client(String clientId, String secret, List<String> scopes, List<String> redirectUris,
                         String unit) {

        public Client {
            require(clientId, "clients[].client-id");
            secret = secret == null || secret.isBlank() ? null : secret;
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            unit = unit == null || unit.isBlank() ? null : unit;
            if (secret == null && redirectUris.isEmpty()) {
                throw new IllegalArgumentException("giamngheo.identity.clients[" + clientId
                        + "] has neither a secret (machine client) nor redirect-uris (browser client)");
            }
            if (secret != null && !redirectUris.isEmpty()) {
                throw new IllegalArgumentException("giamngheo.identity.clients[" + clientId
                        + "] has a secret and redirect-uris: a client is either a machine or a public browser client");
            }
        }

        public boolean isMachine() {
            return secret != null;
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("giamngheo.identity." + what + " is missing");
        }
    }
}
