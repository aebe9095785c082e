package vn.giamngheo.support.security;

import java.util.Set;
import vn.giamngheo.contracts.Actor;
import vn.giamngheo.support.domain.ForbiddenException;

/**
 * Who is calling, as far as the services need to know: identity for the audit trail, roles and unit for the checks
 * that depend on the aggregate (an officer acting on a task of another unit).
 *
 * @param unit the unit code an officer or a department's system acts for; null for others
 */
public record Caller(String subject, String name, String unit, Set<String> roles, Set<String> scopes,
                     Actor.Kind kind) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public static Caller anonymous() {
        return new Caller("anonymous", null, null, Set.of(), Set.of(), Actor.Kind.PUBLIC);
    }

    public static Caller system(String serviceName) {
        return new Caller(serviceName, serviceName, null, Set.of(), Set.of(), Actor.Kind.SYSTEM);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** An officer whose token names this unit. */
    public boolean isOfficerOf(String unitCode) {
        return roles.contains(Roles.OFFICER) && unit != null && unit.equals(unitCode);
    }

    /** Admins may; officers only for their own unit; refused with a 403 problem otherwise. */
    public void requireAdminOrOfficerOf(String unitCode, String what) {
        if (!isAdmin() && !isOfficerOf(unitCode)) {
            throw new ForbiddenException("Only the province administrator or an officer of " + unitCode + " may "
                    + what + (unit == null ? "" : "; you act for " + unit));
        }
    }

    public Actor actor() {
        return new Actor(subject, name, unit, kind);
    }
}
