package vn.giamngheo.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the writes the public may make without a token (community feedback) per client address, so one script
 * cannot flood a commune's feedback: beyond the limit a 429 problem with {@code Retry-After}. Signed-in callers are
 * not limited here.
 */
public class AnonymousWriteLimit extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    public AnonymousWriteLimit(int writesPerMinute) {
        this.config = RateLimiterConfig.custom().limitForPeriod(writesPerMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken;
        return !anonymous || READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter limiter = limiters.get(request.getRemoteAddr(), address -> RateLimiter.of(address, config));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "60");
        SecurityProblems.write(response, 429, "too-many-requests", "Too Many Requests",
                "Quá nhiều phản ánh từ cùng một địa chỉ; vui lòng thử lại sau một phút. "
                        + "Too many submissions from this address; try again in a minute.");
    }
}
