package org.sightline.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The token bucket with limits small enough to reach: a caller gets its limit at once, then one
 * request per (60 / limit) seconds; the refusal says which limit and when to come back; operators
 * and callers of other buckets are not affected.
 */
class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, 6, 0, nanos::get);

    @Test
    void aCallerGetsItsLimitThenWaitsForTheBucketToRefill() {
        for (int i = 0; i < 3; i++) {
            RateLimiter.Decision decision = limiter.take("ip:192.0.2.1", Role.PUBLIC);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limit()).isEqualTo(3);
            assertThat(decision.remaining()).isEqualTo(2 - i);
        }
        RateLimiter.Decision refused = limiter.take("ip:192.0.2.1", Role.PUBLIC);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // 3 a minute: one more every 20 s, and the bucket is full again a minute after it emptied.
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(refused.resetSeconds()).isEqualTo(60);
        assertThat(limiter.take("ip:192.0.2.2", Role.PUBLIC).allowed()).as("another address has its own bucket").isTrue();

        nanos.addAndGet(19_000_000_000L);
        assertThat(limiter.take("ip:192.0.2.1", Role.PUBLIC).allowed()).isFalse();
        nanos.addAndGet(1_000_000_000L);
        assertThat(limiter.take("ip:192.0.2.1", Role.PUBLIC).allowed()).isTrue();
    }

    @Test
    void keysHaveTheirOwnLimitAndOperatorsNone() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.take("key:1", Role.STEWARD).allowed()).isTrue();
        }
        assertThat(limiter.take("key:1", Role.STEWARD).allowed()).isFalse();
        assertThat(limiter.take("key:2", Role.PARTNER).allowed()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.take("key:3", Role.ADMIN)).as("not limited").isNull();
        }
    }

    @Test
    void aRefusalIs429WithRetryAfterAndTheLimitNamed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr("198.51.100.7");
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(limiter.admit(request, response, Caller.PUBLIC)).isTrue();
            assertThat(response.getHeader("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(response.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
            assertThat(response.getHeader("X-RateLimit-Reset")).isNotNull();
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(limiter.admit(request, refused, Caller.PUBLIC)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
        assertThat(refused.getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getContentAsString()).contains("TOO_MANY_REQUESTS").contains("sightline.limits.rate.public-per-minute")
                .contains("more than 3");
    }
}
