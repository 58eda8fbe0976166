package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.time.ServiceClock;
import tools.jackson.databind.JsonNode;

/**
 * The register as its users meet it: the demo agreement with every field, what each caller sees,
 * validation with errors that name the field, transitions that are not allowed, the four-eyes
 * rule of approval, and a history of every change.
 */
class RegisterTest extends RegisterTestBase {

    private static final String PAGE = """
            query($first: Int, $after: String) { agreements(first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status parties { code } } } } }""";

    private final LocalDate today = LocalDate.now(ServiceClock.ZONE);

    @Test
    void theDemoAgreementHoldsEveryFieldOfTheRegister() {
        JsonNode demo = api("demo-analyst").data(READ, Map.of("id", "demo-wessex-jsna")).get("agreement");
        assertThat(demo.get("status").asString()).isEqualTo("APPROVED");
        assertThat(demo.get("live").asBoolean()).isTrue();
        assertThat(demo.get("approvedBy").asString()).isEqualTo("sightline-demo");
        assertThat(demo.at("/approvedByOrganisation/code").asString()).isEqualTo(COUNCIL);
        assertThat(demo.get("approvedAt").asString()).startsWith("2024-03-15");
        assertThat(demo.get("reviewDate").asString()).isEqualTo("2027-03-31");
        assertThat(demo.get("frequency").asString()).isEqualTo("QUARTERLY");
        assertThat(demo.get("securityArrangements").asString()).isNotBlank();
        assertThat(demo.get("dataFields")).isNotEmpty();
        assertThat(demo.get("parties").findValuesAsString("code")).containsExactly(COUNCIL, "demo-wessex-icb");
        assertThat(demo.get("indicators").findValuesAsString("id")).containsExactlyInAnyOrder(DemoDataSet.SERVICE_CONTACTS,
                DemoDataSet.SAFEGUARDING_CONCERNS, DemoDataSet.CARE_HOME_ADMISSIONS);
        demo.get("indicators").forEach(i -> assertThat(i.at("/owner/code").asString()).isEqualTo(COUNCIL));
    }

    @Test
    void eachCallerSeesTheAgreementsOfTheirOrganisationAdminsSeeAllAndThePublicNone() {
        String id = freshId("visible");
        draft(id, today, today.plusDays(365), today.plusDays(180));
        List<String> all = ids(admin());
        assertThat(all).contains(id, "demo-wessex-jsna");
        // parties see it, the owner of its indicator too (the council is both), others do not
        assertThat(ids(api(TRUST_ANALYST))).contains(id).doesNotContain("demo-wessex-jsna");
        assertThat(ids(api("demo-steward"))).contains(id, "demo-wessex-jsna");
        assertThat(ids(api("demo-analyst"))).contains("demo-wessex-jsna").doesNotContain(id);
        assertThat(ids(api(FIRE_STEWARD))).doesNotContain(id, "demo-wessex-jsna");
        assertThat(api(FIRE_STEWARD).data(READ, Map.of("id", id)).get("agreement").isNull()).isTrue();
        JsonNode publicPage = api().data(PAGE, Map.of()).get("agreements");
        assertThat(publicPage.get("totalCount").asInt()).isZero();
        assertThat(publicPage.get("edges")).isEmpty();
        assertThat(api().data(READ, Map.of("id", "demo-wessex-jsna")).get("agreement").isNull()).isTrue();
        // every organisation is listed for everyone
        assertThat(api().data("{ organisations { code name kind } }", Map.of()).get("organisations").findValuesAsString("code"))
                .contains(COUNCIL, TRUST, "demo-wessex-fire");
        assertThat(api().data("{ organisation(code: \"demo-wessex-police\") { kind } }", Map.of()).at("/organisation/kind")
                .asString()).isEqualTo("POLICE");
    }

    @Test
    void inputThatCannotBeAnAgreementIsRefusedNamingTheFieldAndNothingIsStored() {
        record Bad(String field, Object value, String says) {
        }
        List<Bad> cases = List.of(
                new Bad("endDate", today.minusDays(1).toString(), "endDate"),
                new Bad("reviewDate", today.minusDays(2).toString(), "reviewDate"),
                new Bad("reviewDate", today.plusDays(400).toString(), "after the end date"),
                new Bad("parties", List.of(TRUST, "no-such-organisation"), "no-such-organisation"),
                new Bad("parties", List.of(), "parties"),
                new Bad("indicators", List.of("no-such-indicator"), "no-such-indicator"),
                new Bad("purpose", " ", "purpose"),
                new Bad("id", "not a reference!", "id"),
                new Bad("dataFields", List.of("sex", "sex"), "twice"));
        for (Bad bad : cases) {
            String id = freshId("invalid");
            Map<String, Object> input = completeInput(id, today, today.plusDays(365), today.plusDays(180));
            input.put(bad.field(), bad.value());
            JsonNode response = api(DRAFTER).graphql(CREATE, Map.of("input", input));
            assertThat(classification(response)).as(bad.field()).isEqualTo("BAD_REQUEST");
            assertThat(message(response)).as(bad.field()).contains(bad.says());
            assertThat(read(id).isNull()).isTrue();
        }
        String taken = freshId("taken");
        draft(taken, today, null, null);
        assertThat(message(api(DRAFTER).graphql(CREATE, Map.of("input", completeInput(taken, today, null, null)))))
                .contains("already exists");
    }

    @Test
    void onlyAllowedTransitionsHappenAndARefusedOneChangesNothing() {
        String id = freshId("transitions");
        JsonNode incomplete = agreementOf(api(DRAFTER), CREATE, Map.of("input", completeInput(id, today, today.plusDays(90), null)));
        assertThat(incomplete.get("status").asString()).isEqualTo("DRAFT");
        assertThat(incomplete.get("live").asBoolean()).isFalse();

        JsonNode notComplete = api("demo-steward").graphql(APPROVE, Map.of("id", id));
        assertThat(classification(notComplete)).isEqualTo("BAD_REQUEST");
        assertThat(message(notComplete)).contains("reviewDate");
        assertThat(classification(api("demo-steward").graphql(SUSPEND, Map.of("id", id, "reason", "x")))).isEqualTo("BAD_REQUEST");
        assertThat(classification(api("demo-steward").graphql(REINSTATE, Map.of("id", id)))).isEqualTo("BAD_REQUEST");
        assertThat(classification(api(DRAFTER).graphql(SUSPEND, Map.of("id", id, "reason", " ")))).isEqualTo("BAD_REQUEST");
        // a bad change to a draft changes none of it
        Map<String, Object> badChange = new HashMap<>();
        badChange.put("title", "A new title");
        badChange.put("endDate", today.minusDays(10).toString());
        JsonNode before = read(id);
        assertThat(message(api(DRAFTER).graphql(UPDATE, Map.of("id", id, "input", badChange)))).contains("endDate");
        assertThat(read(id)).isEqualTo(before);

        agreementOf(api(PARTY_STEWARD), UPDATE, Map.of("id", id, "input", Map.of("reviewDate", today.plusDays(30).toString())));
        JsonNode approved = agreementOf(api("demo-steward"), APPROVE, Map.of("id", id));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("live").asBoolean()).isTrue();
        assertThat(approved.get("approvedBy").asString()).isEqualTo(callerIds.get("demo-steward"));
        assertThat(approved.at("/approvedByOrganisation/code").asString()).isEqualTo(COUNCIL);

        before = read(id);
        assertThat(message(api(DRAFTER).graphql(UPDATE, Map.of("id", id, "input", Map.of("title", "too late")))))
                .contains("APPROVED");
        assertThat(classification(api("demo-steward").graphql(APPROVE, Map.of("id", id)))).isEqualTo("BAD_REQUEST");
        assertThat(classification(api("demo-steward").graphql(REINSTATE, Map.of("id", id)))).isEqualTo("BAD_REQUEST");
        assertThat(read(id)).isEqualTo(before);

        JsonNode ended = agreementOf(api(DRAFTER), END, Map.of("id", id, "reason", "project finished"));
        assertThat(ended.get("status").asString()).isEqualTo("EXPIRED");
        for (String mutation : List.of(APPROVE, REINSTATE)) {
            assertThat(classification(admin().graphql(mutation, Map.of("id", id)))).isEqualTo("BAD_REQUEST");
        }
        assertThat(classification(admin().graphql(SUSPEND, Map.of("id", id, "reason", "x")))).isEqualTo("BAD_REQUEST");
        assertThat(classification(admin().graphql(APPROVE, Map.of("id", "no-such-agreement")))).isEqualTo("NOT_FOUND");

        // The history: creation field by field, the change of the review date, approval and ending.
        List<String> history = new ArrayList<>();
        read(id).get("history").forEach(c -> history.add(c.get("action").asString() + " " + c.get("field").asString()));
        assertThat(history).contains("CREATED title", "CREATED parties", "CREATED status", "UPDATED reviewDate",
                "APPROVED status", "ENDED status");
        JsonNode reviewChange = findChange(read(id), "UPDATED", "reviewDate");
        assertThat(reviewChange.get("from").isNull()).isTrue();
        assertThat(reviewChange.get("to").asString()).isEqualTo(today.plusDays(30).toString());
        assertThat(reviewChange.get("by").asString()).isEqualTo(callerIds.get(PARTY_STEWARD));
        assertThat(findChange(read(id), "ENDED", "status").get("reason").asString()).isEqualTo("project finished");
    }

    @Test
    void nobodyApprovesAnAgreementTheyDraftedOrChanged() {
        String byOwner = freshId("four-eyes");
        Map<String, Object> input = completeInput(byOwner, today, today.plusDays(365), today.plusDays(180));
        agreementOf(api("demo-steward"), CREATE, Map.of("input", input));
        JsonNode refused = api("demo-steward").graphql(APPROVE, Map.of("id", byOwner));
        assertThat(classification(refused)).isEqualTo("FORBIDDEN");
        assertThat(message(refused)).contains("four eyes");

        String changedByAdmin = freshId("four-eyes");
        draft(changedByAdmin, today, today.plusDays(365), today.plusDays(180));
        agreementOf(admin(), UPDATE, Map.of("id", changedByAdmin, "input", Map.of("title", "Reworded by the operator")));
        assertThat(classification(admin().graphql(APPROVE, Map.of("id", changedByAdmin)))).isEqualTo("FORBIDDEN");
        assertThat(read(changedByAdmin).get("status").asString()).isEqualTo("DRAFT");
        // another person of the data owner approves
        assertThat(agreementOf(api("demo-steward"), APPROVE, Map.of("id", changedByAdmin)).get("status").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aStewardMayNotTakeTheirOrganisationOutOfTheirDraftNorDraftForOthers() {
        String id = freshId("own-party");
        draft(id, today, today.plusDays(365), today.plusDays(180));
        JsonNode before = read(id);
        JsonNode response = api(DRAFTER).graphql(UPDATE, Map.of("id", id, "input", Map.of("parties", List.of(COUNCIL))));
        assertThat(classification(response)).isEqualTo("FORBIDDEN");
        assertThat(read(id)).isEqualTo(before);
        Map<String, Object> forOthers = completeInput(freshId("own-party"), today, null, today.plusDays(10));
        forOthers.put("parties", List.of(COUNCIL, "demo-wessex-icb"));
        assertThat(classification(api(DRAFTER).graphql(CREATE, Map.of("input", forOthers)))).isEqualTo("FORBIDDEN");
    }

    @Test
    void theRegisterPagesByIdWithoutRepeatingOrSkipping() {
        for (int i = 0; i < 3; i++) {
            draft(freshId("paging"), today, null, null);
        }
        List<String> all = ids(admin());
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 2);
            variables.put("after", after);
            JsonNode page = admin().data(PAGE, variables).get("agreements");
            assertThat(page.get("totalCount").asInt()).isEqualTo(all.size());
            page.get("edges").forEach(e -> paged.add(e.at("/node/id").asString()));
            after = page.at("/pageInfo/hasNextPage").asBoolean() ? page.at("/pageInfo/endCursor").asString() : null;
        } while (after != null);
        assertThat(paged).isEqualTo(all);
    }

    private List<String> ids(Api caller) {
        List<String> ids = new ArrayList<>();
        caller.data(PAGE, Map.of("first", 200)).at("/agreements/edges").forEach(e -> ids.add(e.at("/node/id").asString()));
        return ids;
    }

    private static JsonNode findChange(JsonNode agreement, String action, String field) {
        for (JsonNode c : agreement.get("history")) {
            if (c.get("action").asString().equals(action) && c.get("field").asString().equals(field)) {
                return c;
            }
        }
        throw new AssertionError("no " + action + " " + field + " in " + agreement.get("history"));
    }
}
