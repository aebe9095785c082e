package vn.giamngheo.support.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import vn.giamngheo.contracts.Actor;

/**
 * The caller of the current request, read from its verified token. Outside a request (consumers, scheduled jobs) the
 * caller is the service itself; in a request without a token, the public.
 */
public class CurrentCaller {

    static final String ROLES_CLAIM = "roles";
    static final String UNIT_CLAIM = "unit";

    private final String serviceName;
    private final ThreadLocal<Boolean> actingAsService = ThreadLocal.withInitial(() -> false);

    public CurrentCaller(String serviceName) {
        this.serviceName = serviceName;
    }

    /**
     * Runs {@code work} as the service itself, also inside a user's request: for changes the service makes on its own
     * account (following another service's event), whose audit must not depend on whose request happened to run them.
     */
    public void runAsService(Runnable work) {
        boolean outer = actingAsService.get();
        actingAsService.set(true);
        try {
            work.run();
        } finally {
            actingAsService.set(outer);
        }
    }

    public Caller get() {
        if (actingAsService.get()) {
            return Caller.system(serviceName);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromToken(token);
        }
        return RequestContextHolder.getRequestAttributes() == null ? Caller.system(serviceName) : Caller.anonymous();
    }

    public Actor actor() {
        return get().actor();
    }

    private static Caller fromToken(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        List<String> roles = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        Set<String> scopes = new HashSet<>();
        for (GrantedAuthority authority : token.getAuthorities()) {
            if (authority.getAuthority().startsWith("SCOPE_")) {
                scopes.add(authority.getAuthority().substring("SCOPE_".length()));
            }
        }
        // Users always have a role; a token without one was issued to a machine client (client credentials), whose
        // id Keycloak puts in azp/client_id and the local issuer in sub.
        boolean machine = roles == null || roles.isEmpty();
        String subject = machine ? first(jwt.getClaimAsString("client_id"), jwt.getClaimAsString("azp"),
                jwt.getSubject()) : jwt.getSubject();
        String name = first(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("name"), subject);
        return new Caller(subject, name, jwt.getClaimAsString(UNIT_CLAIM), roles == null ? Set.of() : Set.copyOf(roles),
                scopes, machine ? Actor.Kind.MACHINE : Actor.Kind.USER);
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
