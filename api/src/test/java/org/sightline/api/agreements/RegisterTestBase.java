package org.sightline.api.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.sightline.api.Api;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.security.ApiKeys;
import org.sightline.domain.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the register's tests share: their own organisation (a test NHS trust, party to the test
 * agreements beside the council that owns the sensitive demo data) with two stewards and an
 * analyst, a steward of an organisation with nothing to do with the agreements (the fire service),
 * and the register's operations. Every test agreement gets a fresh id, so tests never meet.
 */
abstract class RegisterTestBase extends SightlineTest {

    static final String TRUST = "test-agreements-trust";
    static final String COUNCIL = "demo-wessex-council";
    /** The trust's steward who drafts the test agreements. */
    static final String DRAFTER = "test-agreements-trust-steward";
    /** Another steward of the trust: a party's steward who neither drafted nor owns the data. */
    static final String PARTY_STEWARD = "test-agreements-trust-steward-2";
    static final String TRUST_ANALYST = "test-agreements-trust-analyst";
    static final String FIRE_STEWARD = "test-agreements-fire-steward";
    static final String FIRE_ANALYST = "test-agreements-fire-analyst";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static final String AGREEMENT_FIELDS = """
            id title purpose legalBasis parties { code name kind } indicators { id title disclosureClass owner { code } }
            dataFields frequency securityArrangements startDate endDate reviewDate status live reviewDue
            createdBy createdByOrganisation { code } createdAt approvedBy approvedByOrganisation { code } approvedAt
            history { at by role organisation { code } action field from to reason }""";

    static final String CREATE = "mutation($input: AgreementInput!) { createAgreement(input: $input) { agreement { "
            + AGREEMENT_FIELDS + " } } }";
    static final String UPDATE = "mutation($id: ID!, $input: AgreementChangeInput!) { updateAgreement(id: $id, input: $input) "
            + "{ agreement { " + AGREEMENT_FIELDS + " } } }";
    static final String APPROVE = "mutation($id: ID!) { approveAgreement(id: $id) { agreement { " + AGREEMENT_FIELDS + " } } }";
    static final String SUSPEND = "mutation($id: ID!, $reason: String!) { suspendAgreement(id: $id, reason: $reason) "
            + "{ agreement { " + AGREEMENT_FIELDS + " } } }";
    static final String REINSTATE = "mutation($id: ID!, $reason: String) { reinstateAgreement(id: $id, reason: $reason) "
            + "{ agreement { " + AGREEMENT_FIELDS + " } } }";
    static final String END = "mutation($id: ID!, $reason: String!) { endAgreement(id: $id, reason: $reason) "
            + "{ agreement { " + AGREEMENT_FIELDS + " } } }";
    static final String READ = "query($id: ID!) { agreement(id: $id) { " + AGREEMENT_FIELDS + " } }";

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    Organisations organisations;

    /** Caller ids ("key:N") of the keys, to check who the register says did what. */
    final Map<String, String> callerIds = new HashMap<>();

    @BeforeEach
    void registerTheTestCallers() {
        int trust = organisations.ensure(TRUST, "Test NHS Trust (agreements tests)", "NHS");
        int council = organisations.idOf(COUNCIL).orElseThrow();
        int fire = organisations.idOf("demo-wessex-fire").orElseThrow();
        callerIds.put(DRAFTER, "key:" + apiKeys.register(DRAFTER, "test", trust, Role.STEWARD));
        callerIds.put(PARTY_STEWARD, "key:" + apiKeys.register(PARTY_STEWARD, "test", trust, Role.STEWARD));
        callerIds.put(TRUST_ANALYST, "key:" + apiKeys.register(TRUST_ANALYST, "test", trust, Role.ANALYST));
        callerIds.put(FIRE_STEWARD, "key:" + apiKeys.register(FIRE_STEWARD, "test", fire, Role.STEWARD));
        callerIds.put(FIRE_ANALYST, "key:" + apiKeys.register(FIRE_ANALYST, "test", fire, Role.ANALYST));
        // The demo keys exist already: registering them again only returns their ids.
        callerIds.put("demo-steward", "key:" + apiKeys.register("demo-steward", "", council, Role.STEWARD));
        callerIds.put("demo-admin", "key:" + apiKeys.register("demo-admin", "", council, Role.ADMIN));
    }

    /** An organisation of a test's own, party to its agreements beside the council, with a steward and an analyst. */
    record Party(String code, String steward, String stewardCallerId, String analyst, String analystCallerId) {
    }

    /** A fresh organisation, so what one test's agreements allow never reaches another test's analyst. */
    Party freshParty() {
        String code = freshId("org");
        int id = organisations.ensure(code, "Test organisation " + code, "OTHER");
        int steward = apiKeys.register(code + "-steward", "test", id, Role.STEWARD);
        int analyst = apiKeys.register(code + "-analyst", "test analyst of " + code, id, Role.ANALYST);
        return new Party(code, code + "-steward", "key:" + steward, code + "-analyst", "key:" + analyst);
    }

    /** Drafted by the party's steward and approved by the council's (the data owner). */
    JsonNode approved(Party party, String id, LocalDate start, LocalDate end, LocalDate review) {
        Map<String, Object> input = completeInput(id, start, end, review);
        input.put("parties", List.of(party.code(), COUNCIL));
        agreementOf(api(party.steward()), CREATE, Map.of("input", input));
        return agreementOf(api("demo-steward"), APPROVE, Map.of("id", id));
    }

    static String freshId(String prefix) {
        return "test-" + prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A complete agreement between the trust and the council covering the sensitive demo indicator. */
    static Map<String, Object> completeInput(String id, LocalDate start, LocalDate end, LocalDate review) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("title", "Test trust and council: adult social care contacts");
        input.put("purpose", "Purpose of " + id + ": planning community mental health services");
        input.put("legalBasis", "UK GDPR Art. 6(1)(e), 9(2)(h)");
        input.put("parties", List.of(TRUST, COUNCIL));
        input.put("indicators", List.of(DemoDataSet.SERVICE_CONTACTS));
        input.put("dataFields", List.of("need code", "sex", "ward", "count of people"));
        input.put("frequency", "QUARTERLY");
        input.put("securityArrangements", "Aggregates only, through Sightline API keys; access audited");
        input.put("startDate", start.toString());
        input.put("endDate", end == null ? null : end.toString());
        input.put("reviewDate", review == null ? null : review.toString());
        return input;
    }

    /** Runs a mutation that must succeed; returns its agreement. */
    JsonNode agreementOf(Api caller, String mutation, Map<String, Object> variables) {
        JsonNode data = caller.data(mutation, variables);
        return data.properties().iterator().next().getValue().get("agreement");
    }

    /** The agreement as an ADMIN reads it (null if it does not exist). */
    JsonNode read(String id) {
        return admin().data(READ, Map.of("id", id)).get("agreement");
    }

    JsonNode draft(String id, LocalDate start, LocalDate end, LocalDate review) {
        return agreementOf(api(DRAFTER), CREATE, Map.of("input", completeInput(id, start, end, review)));
    }

    /** Drafted by the trust's steward and approved by the council's (the data owner). */
    JsonNode approved(String id, LocalDate start, LocalDate end, LocalDate review) {
        draft(id, start, end, review);
        return agreementOf(api("demo-steward"), APPROVE, Map.of("id", id));
    }

    /** The classification of the first error; fails if the response has none. */
    static String classification(JsonNode response) {
        assertThat(response.has("errors")).as("expected an error, got %s", response).isTrue();
        return response.at("/errors/0/extensions/classification").asString();
    }

    static String message(JsonNode response) {
        assertThat(response.has("errors")).as("expected an error, got %s", response).isTrue();
        return response.at("/errors/0/message").asString();
    }
}
