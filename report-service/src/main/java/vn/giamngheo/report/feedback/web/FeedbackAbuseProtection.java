package vn.giamngheo.report.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.giamngheo.report.ReportSettings;
import vn.giamngheo.report.feedback.domain.TokenBuckets;
import vn.giamngheo.support.web.ProblemDetailsAdvice;

/**
 * Basic abuse protection for the public feedback form, before the request body is even read: requests larger than
 * {@code giamngheo.report.feedback.max-body-bytes} are refused (413), and each client — by IP address, as the servlet
 * container sees it; behind a reverse proxy set {@code server.forward-headers-strategy} so that this is the real
 * client — may post a limited number of feedbacks (429 with Retry-After). Invalid posts count too.
 */
@Component
public class FeedbackAbuseProtection implements HandlerInterceptor, WebMvcConfigurer {

    private final TokenBuckets buckets;
    private final long maxBodyBytes;

    public FeedbackAbuseProtection(ReportSettings settings, Clock clock) {
        ReportSettings.Feedback feedback = settings.feedback();
        this.buckets = new TokenBuckets(feedback.rateLimitCapacity(), feedback.rateLimitPeriod(),
                feedback.maxTrackedClients(), clock);
        this.maxBodyBytes = feedback.maxBodyBytes();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/feedback");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw refusal(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "A feedback request may have at most " + maxBodyBytes + " bytes");
        }
        TokenBuckets.Decision decision = buckets.tryTake(request.getRemoteAddr());
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            ErrorResponseException refused = refusal(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "Too much feedback from this address; try again in " + seconds + " seconds");
            refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            throw refused;
        }
        return true;
    }

    /** The per-client allowances (an operator's reset; tests start from full allowances). */
    public TokenBuckets buckets() {
        return buckets;
    }

    private static ErrorResponseException refusal(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + type));
        return new ErrorResponseException(status, problem, null);
    }
}
