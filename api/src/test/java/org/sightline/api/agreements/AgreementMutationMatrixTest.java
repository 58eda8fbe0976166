package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.api.Api;
import org.sightline.api.time.ServiceClock;
import tools.jackson.databind.JsonNode;

/**
 * Every mutation of the register, attempted by every kind of caller, is allowed or refused exactly
 * as docs/governance.md says, and a refused one changes nothing (the agreement read back is the
 * same, history included). The test agreements are between the test trust and the council and
 * cover the council's sensitive indicator; they are drafted by a steward of the trust.
 */
class AgreementMutationMatrixTest extends RegisterTestBase {

    private enum Mutation { CREATE, UPDATE, APPROVE, SUSPEND, REINSTATE, END }

    /** The callers of the matrix, and the mutations docs/governance.md allows each. */
    private record Who(String name, String apiKey, List<Mutation> allowed) {
    }

    private static final List<Who> CALLERS = List.of(
            new Who("PUBLIC", null, List.of()),
            new Who("PARTNER", "demo-partner", List.of()),
            new Who("ANALYST", "demo-analyst", List.of()),
            new Who("ANALYST of a party", TRUST_ANALYST, List.of()),
            new Who("STEWARD of another organisation", FIRE_STEWARD, List.of()),
            // a party that does not own the data drafts, changes, suspends and ends, but does not approve or reinstate
            new Who("STEWARD of a party", PARTY_STEWARD, List.of(Mutation.CREATE, Mutation.UPDATE, Mutation.SUSPEND, Mutation.END)),
            // the council is a party and owns the covered indicator
            new Who("STEWARD of the data owner", "demo-steward", List.of(Mutation.values())),
            new Who("ADMIN", "demo-admin", List.of(Mutation.values())));

    @Test
    void everyMutationIsAllowedOrRefusedAsDocumentedAndARefusalChangesNothing() {
        LocalDate today = LocalDate.now(ServiceClock.ZONE);
        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Who who : CALLERS) {
            Api caller = who.apiKey() == null ? api() : api(who.apiKey());
            for (Mutation mutation : Mutation.values()) {
                String id = freshId("matrix");
                prepare(mutation, id, today);
                JsonNode before = read(id);
                JsonNode response = attempt(caller, mutation, id, today);
                boolean allowed = !response.has("errors");
                outcomes.add(who.name() + " " + mutation + ": " + (allowed ? "allowed" : classification(response)));
                expected.add(who.name() + " " + mutation + ": " + (who.allowed().contains(mutation) ? "allowed" : "FORBIDDEN"));
                JsonNode after = read(id);
                if (allowed) {
                    assertThat(after.get("status").asString()).as(who.name() + " " + mutation).isEqualTo(statusAfter(mutation));
                    JsonNode last = after.get("history").get(after.get("history").size() - 1);
                    assertThat(last.get("by").asString()).isEqualTo(callerIds.get(who.apiKey()));
                    if (mutation == Mutation.UPDATE) {
                        assertThat(after.get("title").asString()).isEqualTo("Changed title");
                        assertThat(after.get("dataFields")).hasSize(2);
                    }
                    assertThat(last.get("role").asString()).isEqualTo(who.name().startsWith("ADMIN") ? "ADMIN" : "STEWARD");
                } else {
                    assertThat(after).as("a refused %s by %s changes nothing", mutation, who.name()).isEqualTo(before);
                }
            }
        }
        assertThat(outcomes).isEqualTo(expected);
    }

    /** Puts a fresh agreement in the state the mutation starts from (nothing for CREATE). */
    private void prepare(Mutation mutation, String id, LocalDate today) {
        switch (mutation) {
            case CREATE -> { }
            case UPDATE, APPROVE -> draft(id, today.minusDays(30), today.plusDays(365), today.plusDays(180));
            case SUSPEND, END -> approved(id, today.minusDays(30), today.plusDays(365), today.plusDays(180));
            case REINSTATE -> {
                approved(id, today.minusDays(30), today.plusDays(365), today.plusDays(180));
                agreementOf(admin(), SUSPEND, Map.of("id", id, "reason", "matrix set-up"));
            }
        }
    }

    private JsonNode attempt(Api caller, Mutation mutation, String id, LocalDate today) {
        return switch (mutation) {
            case CREATE -> caller.graphql(CREATE, Map.of("input", completeInput(id, today.minusDays(30), today.plusDays(365),
                    today.plusDays(180))));
            case UPDATE -> {
                Map<String, Object> input = new LinkedHashMap<>();
                input.put("title", "Changed title");
                input.put("dataFields", List.of("need code", "sex"));
                yield caller.graphql(UPDATE, Map.of("id", id, "input", input));
            }
            case APPROVE -> caller.graphql(APPROVE, Map.of("id", id));
            case SUSPEND -> caller.graphql(SUSPEND, Map.of("id", id, "reason", "matrix"));
            case REINSTATE -> caller.graphql(REINSTATE, Map.of("id", id, "reason", "matrix"));
            case END -> caller.graphql(END, Map.of("id", id, "reason", "matrix"));
        };
    }

    private static String statusAfter(Mutation mutation) {
        return switch (mutation) {
            case CREATE, UPDATE -> "DRAFT";
            case APPROVE, REINSTATE -> "APPROVED";
            case SUSPEND -> "SUSPENDED";
            case END -> "EXPIRED";
        };
    }
}
