package org.sightline.api.codelists;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import tools.jackson.databind.JsonNode;

/** The data dictionary: shipped standard codelists, versions with history, and all-or-nothing mappings. */
class CodelistTest extends SightlineTest {

    private static final String CODELIST = """
            query($type: String!) { codelist(type: $type) { type name definition source version
              values { code label definition isUnknown }
              versions { version definition values { code label isUnknown } } } }""";

    @Test
    void standardCodelistsShipWithDefinitionsSourcesAndAMarkedNotStatedValue() {
        for (String type : List.of("ethnicity", "ethnic_group", "recorded_sex", "age_group", "disability", "support_need")) {
            JsonNode list = api().data(CODELIST, Map.of("type", type)).get("codelist");
            assertThat(list.get("definition").asString()).as(type).isNotBlank();
            assertThat(list.get("source").asString()).as(type).isNotBlank();
            List<String> unknown = new ArrayList<>();
            list.get("values").forEach(v -> {
                if (v.get("isUnknown").asBoolean()) {
                    unknown.add(v.get("code").asString());
                }
            });
            assertThat(unknown).as(type).containsExactly("not_stated");
        }
        JsonNode ethnicity = api().data(CODELIST, Map.of("type", "ethnicity")).get("codelist");
        assertThat(ethnicity.get("values")).hasSize(20);
        JsonNode groups = api().data(CODELIST, Map.of("type", "ethnic_group")).get("codelist");
        List<String> groupCodes = new ArrayList<>();
        groups.get("values").forEach(v -> groupCodes.add(v.get("code").asString()));
        // Every detailed category belongs to one of the five groups, named by its first letter.
        ethnicity.get("values").forEach(v -> {
            if (!v.get("isUnknown").asBoolean()) {
                assertThat(groupCodes).contains(v.get("code").asString().substring(0, 1));
            }
        });
        assertThat(api().data(CODELIST, Map.of("type", "disability")).at("/codelist/definition").asString()).contains("Equality Act 2010");
    }

    @Test
    void aChangedCodelistIsANewVersionAndEveryVersionIsKept() {
        Map<String, Object> first = Map.of("code", "test_tenure", "name", "Tenure", "definition", "How a home is occupied",
                "source", "Test", "values", List.of(Map.of("code", "owned", "label", "Owned"), Map.of("code", "rented", "label", "Rented"),
                        Map.of("code", "not_stated", "label", "Not stated", "unknown", true)));
        assertThat(admin().postJson("/api/v1/codelists", first).status()).isEqualTo(201);
        assertThat(admin().postJson("/api/v1/codelists", first).status()).isEqualTo(200);
        Map<String, Object> second = Map.of("code", "test_tenure", "name", "Tenure", "definition", "How a home is occupied",
                "source", "Test", "values", List.of(Map.of("code", "owned", "label", "Owned outright or with a mortgage"),
                        Map.of("code", "social", "label", "Social rented"), Map.of("code", "private", "label", "Private rented"),
                        Map.of("code", "not_stated", "label", "Not stated", "unknown", true)));
        Api.Response revised = admin().postJson("/api/v1/codelists", second);
        assertThat(revised.status()).isEqualTo(201);
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);

        JsonNode list = api().data(CODELIST, Map.of("type", "test_tenure")).get("codelist");
        assertThat(list.get("version").asInt()).isEqualTo(2);
        assertThat(codes(list.get("values"))).containsExactly("owned", "social", "private", "not_stated");
        assertThat(list.get("versions")).hasSize(2);
        assertThat(codes(list.at("/versions/0/values"))).containsExactly("owned", "rented", "not_stated");
        assertThat(list.at("/versions/0/values/0/label").asString()).isEqualTo("Owned");
        assertThat(codes(list.at("/versions/1/values"))).containsExactly("owned", "social", "private", "not_stated");
        assertThat(list.at("/versions/1/values/3/isUnknown").asBoolean()).isTrue();

        // A retired value can no longer be mapped to.
        Api.Response mapping = admin().post("/api/v1/codelists/test_tenure/mappings",
                "organisation,local_code,standard_code\ndemo-wessex-council,R,rented\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(mapping.status()).isEqualTo(422);
    }

    @Test
    void aMappingsFileWithAnyBadLineStoresNothingAndNamesEveryOne() {
        String file = "organisation,local_code,standard_code\n"
                + "demo-wessex-council,T1,W1\n"
                + "no-such-organisation,T2,W2\n"
                + "demo-wessex-council,T3,NOPE\n"
                + "demo-wessex-council,,W1\n"
                + "demo-wessex-council,T1,W2\n";
        Api.Response response = admin().post("/api/v1/codelists/ethnicity/mappings", file.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        response.body().get("errors").forEach(e -> problems.add(e.get("line").asInt() + ":" + e.get("field").asString()));
        assertThat(problems).containsExactly("3:organisation", "4:standard_code", "5:local_code", "6:local_code");
        JsonNode mappings = api().data("{ codelist(type: \"ethnicity\") { mappings(organisation: \"demo-wessex-council\") { localCode } } }",
                Map.of()).at("/codelist/mappings");
        mappings.forEach(m -> assertThat(m.get("localCode").asString()).isNotEqualTo("T1"));
        assertThat(api("demo-steward").post("/api/v1/codelists/no_such_list/mappings", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .status()).isEqualTo(404);
    }

    private static List<String> codes(JsonNode values) {
        List<String> codes = new ArrayList<>();
        values.forEach(v -> codes.add(v.get("code").asString()));
        return codes;
    }
}
