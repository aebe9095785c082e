package vn.giamngheo.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.giamngheo.contracts.EventJson;
import vn.giamngheo.support.web.ProblemDetailsAdvice;

/**
 * Refusals by the security filters as RFC 9457 problems, like every other error: 401 without a valid token, 403 when
 * the caller's roles do not allow the request. The {@code WWW-Authenticate} header is set as RFC 6750 asks.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(response, 401, "unauthenticated", "Unauthorized", tokenGiven
                ? "The access token is not valid: " + e.getMessage()
                : "This request needs an access token (Authorization: Bearer …); sign in to get one");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, 403, "forbidden", "Forbidden", "Your role does not allow " + request.getMethod() + " "
                + request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemDetailsAdvice.TYPE_PREFIX + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(EventJson.mapper().writeValueAsString(problem));
    }
}
