package org.sightline.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read-only transactions on a replica. With {@code sightline.read-replica.url} (and
 * {@code .username}, {@code .password}, {@code .pool-size}) set, every read-only transaction -
 * planning and answering a question, which run in one, data version included - takes its
 * connection from a pool on that server (a streaming replica of the primary), while uploads,
 * the ledger, the audit and migrations stay on the primary. Because a question reads the data
 * version and the data in the same transaction on the same server, a lagging replica can only make
 * answers a little late, never cached under a version they do not belong to. The API keeps no
 * state of its own, so instances behind a load balancer can each have a replica.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("sightline.read-replica.url")
class ReadReplica {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    /** {@code primary}, with read-only transactions routed to {@code replica}. */
    static DataSource route(DataSource primary, DataSource replica) {
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
        routing.setReadOnlyDataSource(replica);
        return routing;
    }

    @Bean
    static BeanPostProcessor readReplicaRouting(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource primary) || !beanName.equals("dataSource")) {
                    return bean;
                }
                HikariConfig config = new HikariConfig();
                config.setPoolName("sightline-read-replica");
                config.setJdbcUrl(environment.getRequiredProperty("sightline.read-replica.url"));
                config.setUsername(environment.getProperty("sightline.read-replica.username"));
                config.setPassword(environment.getProperty("sightline.read-replica.password"));
                config.setMaximumPoolSize(environment.getProperty("sightline.read-replica.pool-size", Integer.class, 10));
                config.setReadOnly(true);
                log.info("Read-only transactions go to the replica at {}", config.getJdbcUrl());
                return route(primary, new HikariDataSource(config));
            }
        };
    }
}
