package vn.giamngheo.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules of who may call which endpoint, by role and scope (see {@link Roles}). Requests no rule matches
 * are refused, so an endpoint without a rule fails closed. Checks that depend on the aggregate (the caller's unit)
 * are the service's, through {@link Caller}.
 */
@FunctionalInterface
public interface AccessRules {

    void define(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
