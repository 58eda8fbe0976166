package org.sightline.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a read replica configured, read-only transactions - where questions are planned and
 * answered - take their connections from the replica and everything else from the primary. Both
 * "servers" here are the test database, told apart by the application name each connects with.
 */
class ReadReplicaTest extends SightlineTest {

    @Autowired
    DataSource dataSource;

    @Test
    void readOnlyTransactionsGoToTheReplicaAndTheRestToThePrimary() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        DataSource routed = ReadReplica.route(server(pool, "sightline-primary"), server(pool, "sightline-replica"));
        JdbcTransactionManager transactions = new JdbcTransactionManager(routed);
        JdbcTemplate jdbc = new JdbcTemplate(routed);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        String question = readOnly.execute(status -> jdbc.queryForObject("SELECT current_setting('application_name')", String.class));
        String upload = new TransactionTemplate(transactions)
                .execute(status -> jdbc.queryForObject("SELECT current_setting('application_name')", String.class));

        assertThat(question).isEqualTo("sightline-replica");
        assertThat(upload).isEqualTo("sightline-primary");
    }

    private static DataSource server(HikariDataSource pool, String applicationName) {
        String url = pool.getJdbcUrl();
        DriverManagerDataSource server = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + applicationName);
        server.setUsername(pool.getUsername());
        server.setPassword(pool.getPassword());
        return server;
    }
}
