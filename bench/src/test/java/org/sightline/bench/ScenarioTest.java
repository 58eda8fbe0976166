package org.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScenarioTest {

    @Test
    void aGraphQlScenarioPostsItsOperationAsJsonWithTheApiKey() {
        Scenario scenario = Scenario.graphQl("ward-rank", "rank of wards", "{ rank(query: {indicator: \"x\"}) { rank } }", 100, "rank");
        HttpRequest request = scenario.request(URI.create("http://localhost:18181/"), Optional.of("demo-partner"), Duration.ofSeconds(5));

        assertThat(request.uri()).isEqualTo(URI.create("http://localhost:18181/graphql"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("X-API-Key")).hasValue("demo-partner");
        assertThat(JsonMapper.builder().build().readTree(scenario.body()).path("query").asString())
                .isEqualTo("{ rank(query: {indicator: \"x\"}) { rank } }");
    }

    @Test
    void aPublicCallerSendsNoApiKey() {
        Scenario scenario = Scenario.csv("lsoa-csv", "CSV", "/api/v1/observations.csv?indicator=x", 1);
        HttpRequest request = scenario.request(URI.create("http://localhost:8080"), Optional.empty(), Duration.ofSeconds(5));

        assertThat(request.uri()).isEqualTo(URI.create("http://localhost:8080/api/v1/observations.csv?indicator=x"));
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.headers().firstValue("X-API-Key")).isEmpty();
    }

    @Test
    void theDemoScenariosHaveDistinctNames() {
        assertThat(DemoScenarios.all()).extracting(Scenario::name).doesNotHaveDuplicates().hasSize(9);
    }

    @Test
    void aScenarioNameIsASlug() {
        assertThatThrownBy(() -> Scenario.csv("Ward Rank", "q", "/x", 1)).hasMessageContaining("lower-case slug");
    }
}
