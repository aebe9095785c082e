package vn.giamngheo.localstack;

import java.util.List;
import java.util.Optional;

/**
 * The DEMO users and machine clients of the local issuer and of the Keycloak realm — demo credentials for a local
 * stack only — as the local-stack code needs them to log in: the demo-data loader, {@link TokenMain}, the tests. The
 * issuer's own list is {@code identity/src/main/resources/application.yml}; system-tests' DockerComposeFileTest checks
 * that this class, that file and the realm file agree. The same environment variables override the demo passwords
 * here and in the issuer the local stack starts (which inherits this JVM's environment).
 */
public final class DemoIdentities {

    /** A demo user: the unit is set for officers only. */
    public record Login(String username, String password, String role, String unit) {
    }

    public static final String ADMIN = "admin";
    public static final String SLDTBXH_SYSTEM = "sldtbxh-system";
    public static final String READONLY_SYSTEM = "readonly-system";

    private DemoIdentities() {
    }

    public static List<Login> users() {
        String officer = env("GIAMNGHEO_DEMO_OFFICER_PASSWORD", "demo-officer");
        return List.of(
                new Login(ADMIN, env("GIAMNGHEO_DEMO_ADMIN_PASSWORD", "demo-admin"), "ADMIN", null),
                new Login("bdt.canbo", officer, "OFFICER", "BDT-14"),
                new Login("sldtbxh.canbo", officer, "OFFICER", "SLDTBXH-14"),
                new Login("sxd.canbo", officer, "OFFICER", "SXD-14"),
                new Login("thanhtra", env("GIAMNGHEO_DEMO_VIEWER_PASSWORD", "demo-viewer"), "VIEWER", null));
    }

    public static Optional<Login> user(String username) {
        return users().stream().filter(login -> login.username().equals(username)).findFirst();
    }

    public static Login admin() {
        return user(ADMIN).orElseThrow();
    }

    /** The demo officer of a unit, if the demo has one (BDT-14, SLDTBXH-14, SXD-14). */
    public static Optional<Login> officerOf(String unitCode) {
        return users().stream().filter(login -> unitCode.equals(login.unit())).findFirst();
    }

    /** The machine clients ({@link #SLDTBXH_SYSTEM}, {@link #READONLY_SYSTEM}) share one demo secret. */
    public static List<String> machineClients() {
        return List.of(SLDTBXH_SYSTEM, READONLY_SYSTEM);
    }

    public static String machineSecret() {
        return env("GIAMNGHEO_DEMO_MACHINE_SECRET", "demo-machine-secret");
    }

    private static String env(String name, String demoDefault) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? demoDefault : value;
    }
}
