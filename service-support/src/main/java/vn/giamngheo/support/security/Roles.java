package vn.giamngheo.support.security;

/**
 * The roles and machine scopes tokens carry (claims {@code roles} and {@code scope}), and the Spring authorities they
 * become, for the services' access rules.
 */
public final class Roles {

    /** Province administrator (steering committee): everything. */
    public static final String ADMIN = "ADMIN";
    /** Officer of the unit in the token's {@code unit} claim. */
    public static final String OFFICER = "OFFICER";
    /** Inspectors, the Party committee's office: read everything, write nothing. */
    public static final String VIEWER = "VIEWER";

    /** A department's system submitting household review records. */
    public static final String SCOPE_POVERTY_IMPORT = "poverty.import";
    /** A department's system reading everything over HTTP. */
    public static final String SCOPE_API_READ = "api.read";

    public static final String AUTHORITY_ADMIN = "ROLE_" + ADMIN;
    /** Who may read everything that is not someone's private data. */
    public static final String[] READERS = {"ROLE_" + ADMIN, "ROLE_" + OFFICER, "ROLE_" + VIEWER,
            "SCOPE_" + SCOPE_API_READ};
    /** Admins, and officers for what their unit is responsible for (checked per aggregate by the service). */
    public static final String[] ADMIN_OR_OFFICER = {"ROLE_" + ADMIN, "ROLE_" + OFFICER};
    public static final String[] POVERTY_IMPORTERS = {"ROLE_" + ADMIN, "SCOPE_" + SCOPE_POVERTY_IMPORT};

    private Roles() {
    }
}
