package org.sightline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every change a caller can ask for - each GraphQL mutation and each REST endpoint that writes -
 * attempted by every kind of caller: allowed exactly where the rules say, and a refusal changes
 * nothing in the database (every small table compared row by row, the large ones by size, and the
 * data version). The matrix must name every mutation of the schema and every writing endpoint, so
 * a new one cannot be added without saying who may use it.
 */
class MutationMatrixTest extends SightlineTest {

    /** The kinds of caller. STEWARD is a steward of the organisation the fixtures belong to (the demo council). */
    enum Who { PUBLIC, PARTNER, ANALYST, OTHER_STEWARD, STEWARD, ADMIN }

    /** What an attempt returned: whether it succeeded and, if not, how it was refused. */
    record Outcome(boolean succeeded, String refusal, String detail) {
    }

    /**
     * One kind of change.
     *
     * @param prepare run (as the fixtures' owners) before each attempt; returns the values the attempt needs
     * @param attempt the change itself, sent by the given caller
     */
    record Action(String name, Set<Who> allowed, Function<Integer, Map<String, String>> prepare,
                  BiFunction<Api, Map<String, String>, Outcome> attempt) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    DSLContext db;
    @Autowired
    Organisations organisations;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @BeforeEach
    void anotherOrganisationsSteward() {
        int other = organisations.ensure("test-matrix-other-council", "Another council (matrix test)", "COUNCIL");
        apiKeys.register("test-matrix-other-steward", "steward of another council (matrix test)", other, Role.STEWARD);
    }

    private Api as(Who who) {
        return switch (who) {
            case PUBLIC -> api();
            case PARTNER -> api("demo-partner");
            case ANALYST -> api("demo-analyst");
            case OTHER_STEWARD -> api("test-matrix-other-steward");
            case STEWARD -> api("demo-steward");
            case ADMIN -> admin();
        };
    }

    /** The rules, one row per change. Each row's fixtures are made afresh for every attempt. */
    private List<Action> matrix() {
        List<Action> actions = new ArrayList<>();
        actions.add(new Action("mutation defineCustomGeography", EnumSet.of(Who.PARTNER, Who.ANALYST, Who.OTHER_STEWARD, Who.STEWARD, Who.ADMIN),
                n -> Map.of(),
                (api, v) -> graphql(api, """
                        mutation { defineCustomGeography(input: {name: "Matrix %s", members: ["Z01000001", "Z01000002"]}) { id } }"""
                        .formatted(SEQUENCE.incrementAndGet()))));
        actions.add(new Action("mutation withdrawRelease", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> {
                    String indicator = defineIndicator("test-matrix-withdraw-" + n);
                    String release = uploadRelease(indicator, n).get("releaseId").asString();
                    return Map.of("release", release);
                },
                (api, v) -> graphql(api, """
                        mutation { withdrawRelease(id: "%s", reason: "matrix test") { id } }""".formatted(v.get("release")))));
        // The catalogue and the gaps log (docs/catalogue.md): the owner describes and closes, anyone named raises.
        actions.add(new Action("mutation describeIndicator", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> Map.of("indicator", defineIndicator("test-matrix-describe-" + n)),
                (api, v) -> graphql(api, """
                        mutation { describeIndicator(input: {indicator: "%s", contact: "Matrix team", topics: ["matrix"],
                          refresh: {frequency: ANNUAL, publicationLag: "P3M"}}) { indicator { id } } }""".formatted(v.get("indicator")))));
        actions.add(new Action("mutation raiseGap", EnumSet.of(Who.PARTNER, Who.ANALYST, Who.OTHER_STEWARD, Who.STEWARD, Who.ADMIN),
                n -> Map.of("indicator", defineIndicator("test-matrix-raise-" + n)),
                (api, v) -> graphql(api, """
                        mutation { raiseGap(input: {indicator: "%s", areaType: "lsoa", description: "Matrix gap %s"}) { gap { id } } }"""
                        .formatted(v.get("indicator"), SEQUENCE.incrementAndGet()))));
        actions.add(new Action("mutation closeGap", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> {
                    String indicator = defineIndicator("test-matrix-close-" + n);
                    return Map.of("gap", admin().data("""
                            mutation { raiseGap(input: {indicator: "%s", description: "Matrix gap to close"}) { gap { id } } }"""
                            .formatted(indicator), Map.of()).at("/raiseGap/gap/id").asString());
                },
                (api, v) -> graphql(api, """
                        mutation { closeGap(input: {id: "%s", resolution: "Matrix test"}) { gap { status } } }""".formatted(v.get("gap")))));
        actions.add(new Action("POST /api/v1/indicators", EnumSet.of(Who.OTHER_STEWARD, Who.STEWARD, Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.postJson("/api/v1/indicators", indicatorBody("test-matrix-define-" + SEQUENCE.incrementAndGet())))));
        actions.add(new Action("POST /api/v1/indicators/{id}/releases", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> Map.of("indicator", defineIndicator("test-matrix-release-" + n)),
                (api, v) -> rest(api.post("/api/v1/indicators/" + v.get("indicator") + "/releases",
                        releaseCsv(SEQUENCE.incrementAndGet()).getBytes(StandardCharsets.UTF_8), "text/csv"))));
        actions.add(new Action("POST /api/v1/geography", EnumSet.of(Who.ADMIN),
                n -> Map.of(),
                // A line the demo geography already has: allowed, it changes nothing (new areas would make
                // every table of protection be solved again, for every test after this one).
                (api, v) -> rest(api.post("/api/v1/geography", ("area_code,area_name,area_type,parent_code,hierarchy\n"
                        + "Z05000001,Casterbridge North,ward,Z08000001,admin\n").getBytes(StandardCharsets.UTF_8), "text/csv"))));
        actions.add(new Action("POST /api/v1/characteristic-types", EnumSet.of(Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.postJson("/api/v1/characteristic-types", Map.of("code", "test_matrix_type",
                        "name", "Matrix test", "values", List.of(Map.of("code", "a", "label", "A")))))));
        actions.add(new Action("POST /api/v1/boundaries", EnumSet.of(Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.post("/api/v1/boundaries", """
                        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"LSOA11CD": "Z01999999"},
                          "geometry": {"type": "Polygon", "coordinates": [[[-2.5, 50.7], [-2.5, 50.8], [-2.3, 50.8], [-2.5, 50.7]]]}}]}"""
                        .getBytes(StandardCharsets.UTF_8), "application/json"))));
        // The agreements register (docs/governance.md): the fixtures are agreements between the council
        // and the voluntary sector over a fresh OPEN indicator of the council, drafted by a steward of
        // the voluntary sector, so both the council's steward (the data owner) and an ADMIN may approve.
        actions.add(new Action("mutation createAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> Map.of("indicator", defineIndicator("test-matrix-agreement-" + n)),
                (api, v) -> graphql(api, "mutation { createAgreement(input: " + agreementInput("test-matrix-agreement-"
                        + SEQUENCE.incrementAndGet(), v.get("indicator")) + ") { agreement { id } } }")));
        actions.add(new Action("mutation updateAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> agreementFixture(n, "DRAFT"),
                (api, v) -> graphql(api, """
                        mutation { updateAgreement(id: "%s", input: {title: "Changed"}) { agreement { id } } }""".formatted(v.get("agreement")))));
        actions.add(new Action("mutation approveAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> agreementFixture(n, "DRAFT"),
                (api, v) -> graphql(api, """
                        mutation { approveAgreement(id: "%s") { agreement { id } } }""".formatted(v.get("agreement")))));
        actions.add(new Action("mutation suspendAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> agreementFixture(n, "APPROVED"),
                (api, v) -> graphql(api, """
                        mutation { suspendAgreement(id: "%s", reason: "matrix") { agreement { id } } }""".formatted(v.get("agreement")))));
        actions.add(new Action("mutation reinstateAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> agreementFixture(n, "SUSPENDED"),
                (api, v) -> graphql(api, """
                        mutation { reinstateAgreement(id: "%s") { agreement { id } } }""".formatted(v.get("agreement")))));
        actions.add(new Action("mutation endAgreement", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> agreementFixture(n, "APPROVED"),
                (api, v) -> graphql(api, """
                        mutation { endAgreement(id: "%s", reason: "matrix") { agreement { id } } }""".formatted(v.get("agreement")))));
        // issue 11 (intake): the postcode directory, the data dictionary and record-level intake
        actions.add(new Action("POST /api/v1/postcodes", EnumSet.of(Who.ADMIN),
                n -> Map.of(),
                // The demo's own directory again: allowed, it changes nothing (a new vintage would change
                // the directory every intake test reads).
                (api, v) -> rest(api.post("/api/v1/postcodes", new org.sightline.api.demo.DemoDataSet().postcodeDirectoryCsv(), "text/csv"))));
        actions.add(new Action("POST /api/v1/codelists", EnumSet.of(Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.postJson("/api/v1/codelists", Map.of("code", "test_matrix_codelist_" + SEQUENCE.incrementAndGet(),
                        "name", "Matrix test", "definition", "A codelist made by the mutation matrix test.", "source", "Test suite",
                        "values", List.of(Map.of("code", "a", "label", "A"), Map.of("code", "not_stated", "label", "Not stated",
                                "unknown", true)))))));
        actions.add(new Action("POST /api/v1/codelists/{type}/mappings", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.post("/api/v1/codelists/ethnicity/mappings", ("organisation,local_code,standard_code\n"
                        + "demo-wessex-council,MATRIX" + SEQUENCE.incrementAndGet() + ",W1\n").getBytes(StandardCharsets.UTF_8), "text/csv"))));
        actions.add(new Action("POST /api/v1/record-intakes", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> Map.of(),
                (api, v) -> rest(api.postJson("/api/v1/record-intakes", intakeBody("test-matrix-intake-" + SEQUENCE.incrementAndGet())))));
        actions.add(new Action("POST /api/v1/record-intakes/{id}/records", EnumSet.of(Who.STEWARD, Who.ADMIN),
                n -> {
                    String intake = "test-matrix-records-" + n;
                    Api.Response defined = admin().postJson("/api/v1/record-intakes", intakeBody(intake));
                    assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);
                    return Map.of("intake", intake);
                },
                (api, v) -> rest(api.post("/api/v1/record-intakes/" + v.get("intake") + "/records",
                        "postcode,contact_date,need\nWX1 0AB,2023-05-01,housing\nWX1 0AD,2023-05-02,housing\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv"))));
        return actions;
    }

    /** A fresh agreement in {@code state} (DRAFT, APPROVED or SUSPENDED), drafted by the voluntary sector's steward. */
    private Map<String, String> agreementFixture(int n, String state) {
        int voluntary = organisations.idOf("demo-wessex-voluntary").orElseThrow();
        apiKeys.register("test-matrix-voluntary-steward", "steward of the voluntary sector (matrix test)", voluntary, Role.STEWARD);
        String id = "test-matrix-agreement-" + n;
        String indicator = defineIndicator(id);
        assertThat(graphql(api("test-matrix-voluntary-steward"), "mutation { createAgreement(input: " + agreementInput(id, indicator)
                + ") { agreement { id } } }").succeeded()).isTrue();
        if (!state.equals("DRAFT")) {
            assertThat(graphql(api("demo-steward"), "mutation { approveAgreement(id: \"" + id + "\") { agreement { id } } }")
                    .succeeded()).isTrue();
        }
        if (state.equals("SUSPENDED")) {
            assertThat(graphql(admin(), "mutation { suspendAgreement(id: \"" + id + "\", reason: \"matrix\") { agreement { id } } }")
                    .succeeded()).isTrue();
        }
        return Map.of("agreement", id);
    }

    private static String agreementInput(String id, String indicator) {
        java.time.LocalDate today = java.time.LocalDate.now(org.sightline.api.time.ServiceClock.ZONE);
        return """
                {id: "%s", title: "Matrix agreement", purpose: "Matrix test", legalBasis: "Consent",
                 parties: ["demo-wessex-council", "demo-wessex-voluntary"], indicators: ["%s"], dataFields: ["count"],
                 frequency: ONE_OFF, securityArrangements: "Test only", startDate: "%s", endDate: "%s", reviewDate: "%s"}"""
                .formatted(id, indicator, today.minusDays(1), today.plusDays(100), today.plusDays(50));
    }

    @TestFactory
    Stream<DynamicTest> everyChangeIsAllowedExactlyWhereTheRulesSayAndARefusalChangesNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Action action : matrix()) {
            for (Who who : Who.values()) {
                boolean allowed = action.allowed().contains(who);
                tests.add(DynamicTest.dynamicTest(action.name() + " by " + who + (allowed ? " is allowed" : " is refused"), () -> {
                    Map<String, String> values = action.prepare().apply(SEQUENCE.incrementAndGet());
                    Map<String, String> before = snapshot();
                    Outcome outcome = action.attempt().apply(as(who), values);
                    if (allowed) {
                        assertThat(outcome.succeeded()).as(outcome.detail()).isTrue();
                    } else {
                        assertThat(outcome.succeeded()).as(outcome.detail()).isFalse();
                        assertThat(outcome.refusal()).as(outcome.detail()).isIn("FORBIDDEN", "UNAUTHORIZED");
                        assertThat(snapshot()).as("a refused change changes nothing").isEqualTo(before);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theMatrixNamesEveryMutationOfTheSchemaAndEveryEndpointThatWrites() {
        Set<String> named = new TreeSet<>();
        matrix().forEach(a -> named.add(a.name()));

        Set<String> exposed = new TreeSet<>();
        admin().data("{ __schema { mutationType { fields { name } } } }", Map.of())
                .at("/__schema/mutationType/fields").forEach(f -> exposed.add("mutation " + f.get("name").asString()));
        handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            boolean writes = methods.stream().anyMatch(m -> m == RequestMethod.POST || m == RequestMethod.PUT
                    || m == RequestMethod.PATCH || m == RequestMethod.DELETE);
            if (writes && handler.getBeanType().getPackageName().startsWith("org.sightline")) {
                for (String path : mapping.getPatternValues()) {
                    if (!path.equals("/graphql")) {
                        exposed.add("POST " + path);
                    }
                }
            }
        });
        assertThat(named).containsExactlyInAnyOrderElementsOf(exposed);
    }

    // --- fixtures and observation of the database ---

    /** Every table of the schema, as {@link DatabaseSnapshot} sees it. */
    private Map<String, String> snapshot() {
        return DatabaseSnapshot.of(db);
    }

    private static Outcome graphql(Api api, String document) {
        Api.Response response = api.graphqlResponse(document, Map.of());
        JsonNode errors = response.body().get("errors");
        if (response.status() == 401 || response.status() == 403) {
            return new Outcome(false, response.status() == 401 ? "UNAUTHORIZED" : "FORBIDDEN", response.body().toString());
        }
        if (errors == null || errors.isEmpty()) {
            return new Outcome(true, null, response.body().toString());
        }
        return new Outcome(false, errors.get(0).at("/extensions/classification").asString(), response.body().toString());
    }

    private static Outcome rest(Api.Response response) {
        boolean ok = response.status() >= 200 && response.status() < 300;
        String refusal = switch (response.status()) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            default -> ok ? null : "HTTP " + response.status();
        };
        return new Outcome(ok, refusal, response.status() + " " + response.body());
    }

    /** An OPEN count indicator owned by the demo council (the demo steward's organisation). */
    private String defineIndicator(String id) {
        Api.Response response = admin().postJson("/api/v1/indicators", indicatorBody(id));
        assertThat(response.status()).as(response.body().toString()).isIn(200, 201);
        return id;
    }

    private static Map<String, Object> indicatorBody(String id) {
        return TestIndicators.countBySex(id, "Matrix test " + id, "An indicator made by the mutation matrix test.");
    }

    /** An OPEN record intake of the demo council: postcode, contact date and one need, published by LSOA. */
    private static Map<String, Object> intakeBody(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("organisation", "demo-wessex-council");
        body.put("columns", List.of(Map.of("name", "postcode", "role", "POSTCODE"), Map.of("name", "contact_date", "role", "CONTACT_DATE"),
                Map.of("name", "need", "role", "NEED", "codelist", "support_need")));
        body.put("needs", List.of("housing"));
        body.put("disclosureClass", "OPEN");
        return body;
    }

    private JsonNode uploadRelease(String indicator, int seed) {
        Api.Response response = admin().post("/api/v1/indicators/" + indicator + "/releases",
                releaseCsv(seed).getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private static String releaseCsv(int seed) {
        return "area_code,period,sex,count\nZ01000001,2021,F," + (10 + seed) + "\nZ01000001,2021,M," + (20 + seed) + "\n";
    }
}
