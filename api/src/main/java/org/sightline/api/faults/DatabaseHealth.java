package org.sightline.api.faults;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Health of the database for the readiness probe ({@code /actuator/health/readiness}): a connection
 * from the pool (bounded by the pool's connection timeout) that answers {@code isValid} within
 * {@code sightline.health.database-timeout} seconds. Spring Boot's own indicator asks with no
 * timeout and stayed UP for 30 s against a paused server. Liveness does not include it: a database
 * outage is a reason to stop sending traffic, not to restart the process.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    DatabaseHealth(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.timeoutSeconds = environment.getProperty("sightline.health.database-timeout", Integer.class, 2);
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(timeoutSeconds)) {
                return Health.up().build();
            }
            return Health.down().withDetail("reason", "the database did not answer within " + timeoutSeconds + " s").build();
        } catch (SQLException | RuntimeException e) {
            return Health.down().withDetail("reason", "no connection to the database").build();
        }
    }
}
