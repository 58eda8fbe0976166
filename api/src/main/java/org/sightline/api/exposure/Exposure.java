package org.sightline.api.exposure;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.List;
import org.sightline.api.database.SightlineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The exposure settings in force ({@code sightline.exposure.*}, {@code sightline.cors.allowed-origins}).
 * Each one left unset follows the deployment: with the demo data set (a laptop, a trial) everything is
 * open, so a newcomer can explore; otherwise GraphiQL, introspection and the schema printer stay on
 * (the schema is the public contract of API.md) but metrics - which reveal traffic and the budget
 * spent per role - need an ADMIN key or the scrape token, and no browser origin is trusted until one
 * is named.
 *
 * @param demo             whether the demo data set is loaded (same rule as the demo loader)
 * @param graphiql         whether {@code /graphiql} is served
 * @param introspection    whether {@code __schema} and {@code __type} answer
 * @param schema           whether {@code /graphql/schema} (the schema printer) is served
 * @param metricsAnonymous whether anyone may read {@code /actuator/prometheus}
 * @param metricsToken     a token Prometheus may send as {@code Authorization: Bearer}, or null
 * @param allowedOrigins   browser origins allowed by CORS ({@code *} for any)
 */
public record Exposure(boolean demo, boolean graphiql, boolean introspection, boolean schema, boolean metricsAnonymous,
                       String metricsToken, List<String> allowedOrigins) {

    public Exposure {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The settings that apply, from the configuration and whether this is the demo. */
    public static Exposure of(Environment environment, boolean demo) {
        String origins = environment.getProperty("sightline.cors.allowed-origins");
        List<String> allowed = origins == null ? (demo ? List.of("*") : List.of())
                : Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
        String token = environment.getProperty("sightline.exposure.metrics-token");
        return new Exposure(demo,
                environment.getProperty("sightline.exposure.graphiql", Boolean.class, true),
                environment.getProperty("sightline.exposure.introspection", Boolean.class, true),
                environment.getProperty("sightline.exposure.schema", Boolean.class, true),
                environment.getProperty("sightline.exposure.metrics-anonymous", Boolean.class, demo),
                token == null || token.isBlank() ? null : token.strip(),
                allowed);
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Settings {

        @org.springframework.context.annotation.Bean
        Exposure exposure(Environment environment, SightlineProperties properties, ObjectProvider<EmbeddedPostgres> embedded) {
            // The demo loader's rule: sightline.demo, or when unset, the embedded database.
            boolean demo = properties.demo() != null ? properties.demo() : embedded.getIfAvailable() != null;
            return of(environment, demo);
        }
    }
}
