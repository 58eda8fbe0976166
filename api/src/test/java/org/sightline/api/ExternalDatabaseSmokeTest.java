package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs the service against an external PostgreSQL server (the deployment shape), as CI does with
 * the machine's server: start-up, migrations, one import of each kind, one query. Enabled by
 * {@code SIGHTLINE_TEST_DATABASE_URL} (plus _USERNAME and _PASSWORD); .ci/run sets them.
 */
@EnabledIfEnvironmentVariable(named = "SIGHTLINE_TEST_DATABASE_URL", matches = ".+",
        disabledReason = "no external PostgreSQL: set SIGHTLINE_TEST_DATABASE_URL (.ci/run starts one)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"sightline.demo=false", "sightline.bootstrap-admin-key=smoke-admin"})
class ExternalDatabaseSmokeTest {

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("SIGHTLINE_TEST_DATABASE_URL"));
        registry.add("spring.datasource.username", () -> System.getenv("SIGHTLINE_TEST_DATABASE_USERNAME"));
        registry.add("spring.datasource.password", () -> System.getenv("SIGHTLINE_TEST_DATABASE_PASSWORD"));
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Test
    void startsMigratesImportsAndAnswersOnAnExternalServer() {
        assertThat(db.fetchValue("select version()").toString()).contains("PostgreSQL");
        assertThat(db.fetchOne("select count(*) from flyway_schema_history where success").get(0, Long.class)).isPositive();

        Api api = new Api(port, "smoke-admin");
        String geography = """
                area_code,area_name,area_type,parent_code,hierarchy
                X92000001,Smokeland,country,,
                X08000001,Smoke District,lad,X92000001,admin
                X01000001,Smoke 001A,lsoa,X08000001,admin
                X01000002,Smoke 001B,lsoa,X08000001,admin
                """;
        assertThat(api.post("/api/v1/geography", geography.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/indicators", Map.of("id", "smoke-count", "title", "Smoke count",
                "definition", "A count for the smoke test", "unit", "people", "measureType", "ADDITIVE_COUNT",
                "polarity", "NO_JUDGEMENT", "disclosureClass", "OPEN", "source", "CI", "licence", "OGL",
                "characteristicTypes", List.of())).status()).isIn(200, 201);
        String release = "area_code,period,count\nX01000001,2020/21,40\nX01000002,2020/21,2\n";
        assertThat(api.post("/api/v1/indicators/smoke-count/releases", release.getBytes(StandardCharsets.UTF_8), "text/csv")
                .status()).isIn(200, 201);

        JsonNode data = api.data("""
                { observations(query: {indicator: "smoke-count", areas: {codes: ["X08000001"]}}) {
                    edges { node { count period { code } disclosure { status } } } } }""", Map.of());
        assertThat(data.at("/observations/edges/0/node/count").asLong()).isEqualTo(42);
        assertThat(data.at("/observations/edges/0/node/period/code").asString()).isEqualTo("2020/21");
    }
}
