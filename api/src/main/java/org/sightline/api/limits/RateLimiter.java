package org.sightline.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.sightline.api.security.CurrentCaller;
import org.sightline.api.web.ApiError;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests per minute, per caller: the public per IP address, each API key or token on its own,
 * operators (ADMIN) exempt unless configured. A token bucket per caller holds a minute's worth of
 * requests and refills continuously, so a caller may burst up to its limit and then goes on at its
 * rate. Every counted response says where the caller stands ({@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset}: seconds until the bucket is full again);
 * a request over the limit gets 429 with {@code Retry-After} (seconds until the next request is
 * allowed) and is not executed. As in Stat-Xplore a 304 Not Modified costs nothing: the public's
 * revalidations are answered before this limiter is reached. Buckets are kept in a bounded cache,
 * per instance. Time is the JVM's monotonic clock: a rate is about elapsed time, not the service's
 * business date.
 */
@Component
public class RateLimiter {

    private static final String PREFIX = "sightline.limits.rate.";

    /** One caller's bucket: tokens left and when they were last counted. */
    private static final class Bucket {
        private double tokens;
        private long counted;

        Bucket(double tokens, long counted) {
            this.tokens = tokens;
            this.counted = counted;
        }
    }

    /** What one request was told: whether it may go on, and the figures for the headers. */
    record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int publicPerMinute;
    private final int keyPerMinute;
    private final int adminPerMinute;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RateLimiter(@Value("${sightline.limits.rate.public-per-minute:1200}") int publicPerMinute,
                @Value("${sightline.limits.rate.key-per-minute:6000}") int keyPerMinute,
                @Value("${sightline.limits.rate.admin-per-minute:0}") int adminPerMinute) {
        this(publicPerMinute, keyPerMinute, adminPerMinute, System::nanoTime);
    }

    RateLimiter(int publicPerMinute, int keyPerMinute, int adminPerMinute, LongSupplier nanoTime) {
        this.publicPerMinute = publicPerMinute;
        this.keyPerMinute = keyPerMinute;
        this.adminPerMinute = adminPerMinute;
        this.nanoTime = nanoTime;
        // A bucket untouched for two minutes is full again: forgetting it changes nothing.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    /** Requests per minute for a role; 0 means not limited. */
    int perMinute(Role role) {
        return switch (role) {
            case PUBLIC -> publicPerMinute;
            case ADMIN -> adminPerMinute;
            default -> keyPerMinute;
        };
    }

    /** The property that sets a role's limit. */
    static String property(Role role) {
        return PREFIX + switch (role) {
            case PUBLIC -> "public-per-minute";
            case ADMIN -> "admin-per-minute";
            default -> "key-per-minute";
        };
    }

    /** Takes one request from the bucket of {@code who}, when its role is limited at all (null: not limited). */
    Decision take(String who, Role role) {
        int limit = perMinute(role);
        if (limit <= 0) {
            return null;
        }
        double perNano = limit / 60e9;
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(who, k -> new Bucket(limit, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(limit, bucket.tokens + Math.max(0, now - bucket.counted) * perNano);
            bucket.counted = now;
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            long reset = (long) Math.ceil((limit - bucket.tokens) / perNano / 1e9);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
            return new Decision(allowed, limit, (long) Math.floor(bucket.tokens), reset, retryAfter);
        }
    }

    /**
     * Charges the request to its caller; answers 429 and returns false when the caller is over its
     * limit, otherwise sets the rate limit headers and returns true.
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
        String who = caller.role() == Role.PUBLIC ? "ip:" + request.getRemoteAddr() : caller.id();
        Decision decision = take(who, caller.role());
        if (decision == null) {
            return true;
        }
        response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        response.setStatus(429);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        String whose = caller.role() == Role.PUBLIC ? "requests from one address without credentials" : "requests with one API key or token";
        json.writeValue(response.getOutputStream(), new ApiError("TOO_MANY_REQUESTS", "more than " + decision.limit()
                + " " + whose + " in a minute (" + property(caller.role()) + "); try again in " + decision.retryAfterSeconds() + " s",
                List.of()));
        return false;
    }

    /**
     * The limit for callers with credentials, placed in the security chain once the caller is
     * known (the public is charged earlier, by {@link PublicRateLimit}, before its cached answers).
     */
    public OncePerRequestFilter forCallersWithCredentials() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Caller caller = CurrentCaller.of(request);
                if (caller.role() == Role.PUBLIC || admit(request, response, caller)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }
}
