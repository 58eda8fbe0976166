package org.sightline.api.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the service reads "now" and "today" from (agreement dates, refresh due dates,
 * provenance times), so that tests can move time instead of waiting for it. UK public-sector
 * dates are Europe/London dates.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
