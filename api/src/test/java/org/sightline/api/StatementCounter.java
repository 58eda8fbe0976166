package org.sightline.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement jOOQ executes, so tests can show how many statements one GraphQL
 * root field costs. Tests run one request at a time, so what is recorded between {@link #reset}
 * and {@link #statements} belongs to that request.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final List<String> STATEMENTS = Collections.synchronizedList(new ArrayList<>());

    @Bean
    DefaultExecuteListenerProvider statementRecorder() {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                STATEMENTS.add(ctx.sql());
            }
        });
    }

    public static void reset() {
        STATEMENTS.clear();
    }

    /** The statements executed since the last reset. */
    public static List<String> statements() {
        synchronized (STATEMENTS) {
            return List.copyOf(STATEMENTS);
        }
    }
}
