package org.sightline.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.sightline.api.time.ServiceClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the system clock until a test sets an instant, and again after
 * {@link #reset()}. All tests share one application context, so a test that sets the clock resets
 * it when it ends (try/finally).
 */
public final class SettableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Makes {@code instant} "now" for the service until {@link #reset()}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ServiceClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock has one zone");
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant != null ? instant : Instant.now();
    }

    /** Replaces the service's clock in the shared test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
