package org.sightline.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured, so that one
 * command runs Sightline on a machine with nothing but a JDK. Its files live under
 * {@code SIGHTLINE_HOME/postgres}, so data survives restarts. With a datasource URL configured,
 * this configuration stays out of the way and Spring Boot connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * Stopped with {@code close} ({@code pg_ctl stop -m fast}) when the context closes, after the
     * web server has drained its requests (graceful shutdown) and the pool has closed.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(SightlineProperties properties, Environment environment) throws IOException {
        Path dataDirectory = properties.home().resolve("postgres").toAbsolutePath().normalize();
        Path binaries = properties.home().resolve("postgres-binaries").toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        LeftoverPostmaster.clear(dataDirectory, binaries);
        boolean durable = environment.getProperty("sightline.embedded.durable", Boolean.class, true);
        log.info("Starting embedded PostgreSQL with data in {}{}", dataDirectory,
                durable ? "" : " (not durable: sightline.embedded.durable=false, a power cut can lose recent commits)");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setCleanDataDirectory(false)
                // Stopped by the context (destroyMethod), after the graceful shutdown has drained the
                // requests in flight - not by zonky's own JVM hook, which would stop it under them.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        // zonky starts PostgreSQL for throwaway test databases: with -F (fsync off) and
        // synchronous_commit=off. Sightline keeps published releases and the privacy ledger in it,
        // so unless the operator opts out, every commit reaches the disk before it is acknowledged.
        // (-c fsync=on comes after zonky's -F on the command line and wins.)
        String on = durable ? "on" : "off";
        builder.setServerConfig("fsync", on)
                .setServerConfig("synchronous_commit", on)
                .setServerConfig("full_page_writes", on);
        return builder.start();
    }

    /**
     * A pool that fails fast when the database stops answering: a request waits at most
     * {@code spring.datasource.hikari.connection-timeout} for a connection (then 503), a pooled
     * connection is checked within {@code validation-timeout}, and a new one gives up logging in
     * after {@code sightline.database.login-timeout} seconds, so the pool refills as soon as the
     * database is back.
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, Environment environment,
                          @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.connection-timeout:5000}") Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("sightline-embedded");
        config.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10));
        // A request waiting for a connection fails within seconds rather than Hikari's 30 s (see docs/limits.md).
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(environment.getProperty("spring.datasource.hikari.validation-timeout", Long.class, 2000L));
        config.addDataSourceProperty("loginTimeout", environment.getProperty("sightline.database.login-timeout", Integer.class, 5));
        config.addDataSourceProperty("connectTimeout", environment.getProperty("sightline.database.login-timeout", Integer.class, 5));
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
