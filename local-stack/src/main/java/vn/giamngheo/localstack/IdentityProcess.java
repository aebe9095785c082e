package vn.giamngheo.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local OAuth2 / OpenID Connect issuer: the {@code identity} module's Spring Boot jar (Spring Authorization Server
 * with the demo users and clients). Its signing key lives in the data directory ({@code identity/signing-key.pem},
 * written on the first start), so tokens stay valid across restarts of the issuer and of the stack.
 */
public final class IdentityProcess extends BootJarProcess {

    public static final String NAME = "identity";

    /**
     * A small heap, and C1 only: the issuer answers a few logins and key requests, so the optimising compiler's CPU
     * at start-up (shared with six other JVMs on two cores) would never pay back.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    private final int port;

    IdentityProcess(Path jar, Path dataDir, int port) {
        super(NAME, dataDir, dataDir.resolve("logs").resolve(NAME + ".log"), jar);
        this.port = port;
    }

    /**
     * The issuer as every token names it and as the services expect it ({@code localhost}, the name the docs and the
     * README's curl examples use); the issuer listens on all local addresses.
     */
    public String issuerUri() {
        return "http://localhost:" + port;
    }

    public String jwkSetUri() {
        return issuerUri() + "/oauth2/jwks";
    }

    /** What a service needs to check this issuer's tokens: the resource server's issuer-uri and jwk-set-uri. */
    Map<String, String> serviceEnvironment() {
        return Map.of("GIAMNGHEO_ISSUER_URI", issuerUri(), "GIAMNGHEO_JWK_SET_URI", jwkSetUri());
    }

    public Path keyFile() {
        return dataDir().resolve(NAME).resolve("signing-key.pem");
    }

    @Override
    protected LocalStackException missingJar() {
        return missingJar(jar());
    }

    static LocalStackException missingJar(Path jar) {
        return new LocalStackException("The identity jar is missing: " + jar
                + ". Build the project first: mvn -B install -DskipTests");
    }

    @Override
    protected List<String> jvmOptions() {
        return JVM_OPTIONS;
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of(
                "SERVER_PORT", Integer.toString(port),
                "GIAMNGHEO_ISSUER_URI", issuerUri(),
                "GIAMNGHEO_IDENTITY_KEY_FILE", keyFile().toString());
    }

    /** Ready once it serves its public keys, which the services fetch to check tokens. */
    @Override
    protected boolean probeReady() {
        return answers("http://127.0.0.1:" + port + "/oauth2/jwks", "\"keys\"");
    }
}
