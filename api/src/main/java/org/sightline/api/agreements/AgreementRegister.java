package org.sightline.api.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.sightline.api.organisations.Organisation;
import org.sightline.api.organisations.Organisations;
import org.sightline.api.web.ForbiddenException;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of data sharing agreements: draft, change a draft, approve, suspend, reinstate,
 * end; and who sees which agreement. Every change is one transaction that checks, in this order,
 * the caller's role (before anything is read), the input, that the agreement exists, the
 * caller's organisation, and that the transition is allowed - so a refused change changes
 * nothing - and then writes the change and one history row per field changed.
 * <p>
 * Changes here do not bump the {@link org.sightline.api.versions.DataVersion}: no cached answer
 * depends on the register. An analyst's standing is looked up on every question
 * ({@link org.sightline.api.privacy.Entitlements}) before any cache is consulted, and the public's
 * cached answers never depend on agreements.
 */
@Service
public class AgreementRegister {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_PARTIES = 50;
    private static final int MAX_INDICATORS = 500;

    /** The fields of a draft to change; null keeps the current value. */
    public record Changes(String title, String purpose, String legalBasis, List<String> parties, List<String> indicators,
                          List<String> dataFields, SharingFrequency frequency, String securityArrangements,
                          LocalDate startDate, LocalDate endDate, LocalDate reviewDate) {
    }

    private final Agreements agreements;
    private final Organisations organisations;
    private final Clock clock;

    AgreementRegister(Agreements agreements, Organisations organisations, Clock clock) {
        this.agreements = agreements;
        this.organisations = organisations;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public Agreement create(Caller caller, String code, AgreementTerms terms, List<String> partyCodes, List<String> indicatorIds) {
        AgreementPermissions.requireMayChangeRegister(caller);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidAgreementException("id: '" + code + "' is not a reference of letters, digits, '.', '_' or '-' "
                    + "(up to 64, starting with a letter or digit)");
        }
        terms.check();
        List<Organisation> parties = partiesOf(partyCodes);
        List<Agreement.CoveredIndicator> covered = indicatorsOf(indicatorIds);
        AgreementPermissions.requireMayDraft(caller, parties.stream().map(Organisation::dbId).toList());
        if (agreements.find(code).isPresent()) {
            throw new InvalidAgreementException("id: an agreement '" + code + "' already exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int id = agreements.insert(code, terms, AgreementStatus.DRAFT, caller.id(), caller.organisationId(), now);
        agreements.replaceParties(id, parties.stream().map(Organisation::dbId).toList());
        agreements.replaceIndicators(id, covered.stream().map(Agreement.CoveredIndicator::dbId).toList());
        Map<String, String> created = snapshot(terms, parties, covered);
        created.put("status", AgreementStatus.DRAFT.name());
        agreements.recordChanges(changes(id, caller, now, AgreementChange.Action.CREATED, Map.of(), created, null));
        return agreements.find(code).orElseThrow();
    }

    @Transactional
    public Agreement update(Caller caller, String code, Changes changes) {
        AgreementPermissions.requireMayChangeRegister(caller);
        Agreement agreement = lock(code);
        AgreementPermissions.requireMayEdit(caller, agreement);
        requireStatus(agreement, "changed (a change to an agreement in force is a new agreement)", AgreementStatus.DRAFT);
        AgreementTerms old = agreement.terms();
        AgreementTerms terms = new AgreementTerms(or(changes.title(), old.title()), or(changes.purpose(), old.purpose()),
                or(changes.legalBasis(), old.legalBasis()), or(changes.dataFields(), old.dataFields()),
                or(changes.frequency(), old.frequency()), or(changes.securityArrangements(), old.securityArrangements()),
                or(changes.startDate(), old.startDate()), or(changes.endDate(), old.endDate()),
                or(changes.reviewDate(), old.reviewDate()));
        terms.check();
        List<Organisation> parties = changes.parties() == null ? agreement.parties() : partiesOf(changes.parties());
        List<Agreement.CoveredIndicator> covered = changes.indicators() == null ? agreement.indicators() : indicatorsOf(changes.indicators());
        // A steward may not hand a draft away from their own organisation.
        AgreementPermissions.requireMayDraft(caller, parties.stream().map(Organisation::dbId).toList());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AgreementChange> recorded = changes(agreement.dbId(), caller, now, AgreementChange.Action.UPDATED,
                snapshot(old, agreement.parties(), agreement.indicators()), snapshot(terms, parties, covered), null);
        if (recorded.isEmpty()) {
            return agreement;
        }
        agreements.updateTerms(agreement.dbId(), terms, now);
        if (changes.parties() != null) {
            agreements.replaceParties(agreement.dbId(), parties.stream().map(Organisation::dbId).toList());
        }
        if (changes.indicators() != null) {
            agreements.replaceIndicators(agreement.dbId(), covered.stream().map(Agreement.CoveredIndicator::dbId).toList());
        }
        agreements.recordChanges(recorded);
        return agreements.find(code).orElseThrow();
    }

    @Transactional
    public Agreement approve(Caller caller, String code) {
        AgreementPermissions.requireMayChangeRegister(caller);
        Agreement agreement = lock(code);
        AgreementPermissions.requireMayApprove(caller, agreement);
        requireStatus(agreement, "approved", AgreementStatus.DRAFT);
        if (agreements.editorsOf(agreement.dbId()).contains(caller.id())) {
            throw new ForbiddenException("agreement '" + code + "' was drafted or changed by you: "
                    + "another STEWARD of the data owner, or an ADMIN, approves it (four eyes)");
        }
        requireComplete(agreement);
        OffsetDateTime now = OffsetDateTime.now(clock);
        agreements.recordApproval(agreement.dbId(), caller.id(), caller.organisationId(), now);
        agreements.recordChanges(List.of(statusChange(agreement, caller, now, AgreementChange.Action.APPROVED,
                AgreementStatus.APPROVED, null)));
        return agreements.find(code).orElseThrow();
    }

    @Transactional
    public Agreement suspend(Caller caller, String code, String reason) {
        return transition(caller, code, reason, true, AgreementChange.Action.SUSPENDED, AgreementStatus.SUSPENDED,
                "suspended", AgreementStatus.APPROVED);
    }

    @Transactional
    public Agreement reinstate(Caller caller, String code, String reason) {
        return transition(caller, code, reason, false, AgreementChange.Action.REINSTATED, AgreementStatus.APPROVED,
                "reinstated", AgreementStatus.SUSPENDED);
    }

    @Transactional
    public Agreement end(Caller caller, String code, String reason) {
        return transition(caller, code, reason, true, AgreementChange.Action.ENDED, AgreementStatus.EXPIRED,
                "ended", AgreementStatus.DRAFT, AgreementStatus.APPROVED, AgreementStatus.SUSPENDED);
    }

    private Agreement transition(Caller caller, String code, String reason, boolean reasonRequired, AgreementChange.Action action,
                                 AgreementStatus to, String verb, AgreementStatus... from) {
        AgreementPermissions.requireMayChangeRegister(caller);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (reasonRequired && why == null) {
            throw new InvalidAgreementException("reason: say why the agreement is " + verb + " (it is kept in its history)");
        }
        Agreement agreement = lock(code);
        if (action == AgreementChange.Action.REINSTATED) {
            AgreementPermissions.requireMayApprove(caller, agreement);
        } else {
            AgreementPermissions.requireMayStop(caller, agreement);
        }
        requireStatus(agreement, verb, from);
        OffsetDateTime now = OffsetDateTime.now(clock);
        agreements.recordStatus(agreement.dbId(), to, now);
        agreements.recordChanges(List.of(statusChange(agreement, caller, now, action, to, why)));
        return agreements.find(code).orElseThrow();
    }

    /** A page of the agreements the caller may see, ordered by id; PUBLIC sees none (nothing is read). */
    @Transactional(readOnly = true)
    public Agreements.Page visibleTo(Caller caller, String afterCode, int limit) {
        if (caller.role() == Role.PUBLIC) {
            return new Agreements.Page(List.of(), 0);
        }
        return agreements.page(caller.organisationId(), caller.role() == Role.ADMIN, afterCode, limit);
    }

    /** The agreement if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<Agreement> find(Caller caller, String code) {
        if (caller.role() == Role.PUBLIC) {
            return Optional.empty();
        }
        return agreements.find(code).filter(a -> AgreementPermissions.maySee(caller, a));
    }

    /** The history of each agreement, oldest first (one statement for all of them). */
    @Transactional(readOnly = true)
    public Map<Integer, List<AgreementChange>> historyOf(Collection<Integer> agreementDbIds) {
        return agreements.historyOf(agreementDbIds);
    }

    private Agreement lock(String code) {
        return agreements.lockAndFind(code).orElseThrow(() -> new NotFoundException("agreement '" + code + "' does not exist"));
    }

    private void requireStatus(Agreement agreement, String verb, AgreementStatus... allowed) {
        AgreementStatus status = agreement.statusOn(today());
        if (!List.of(allowed).contains(status)) {
            String why = status == AgreementStatus.EXPIRED && agreement.recordedStatus() != AgreementStatus.EXPIRED
                    ? " (its end date " + agreement.terms().endDate() + " has passed)" : "";
            throw new InvalidAgreementException("agreement '" + agreement.id() + "' is " + status + why + ": only a "
                    + String.join(" or ", Stream.of(allowed).map(AgreementStatus::name).toList()) + " agreement can be " + verb);
        }
    }

    /** What an approved agreement must say: the register's fields an information governance officer checks. */
    private void requireComplete(Agreement agreement) {
        List<String> missing = new ArrayList<>();
        AgreementTerms terms = agreement.terms();
        if (agreement.parties().isEmpty()) {
            missing.add("parties");
        }
        if (agreement.indicators().isEmpty()) {
            missing.add("indicators");
        }
        if (terms.dataFields().isEmpty()) {
            missing.add("dataFields");
        }
        if (terms.frequency() == null) {
            missing.add("frequency");
        }
        if (terms.securityArrangements() == null) {
            missing.add("securityArrangements");
        }
        if (terms.reviewDate() == null) {
            missing.add("reviewDate");
        }
        if (!missing.isEmpty()) {
            throw new InvalidAgreementException("agreement '" + agreement.id() + "' cannot be approved without " + missing
                    + ": complete the draft with updateAgreement first");
        }
    }

    private List<Organisation> partiesOf(List<String> codes) {
        Set<String> wanted = new LinkedHashSet<>(codes == null ? List.of() : codes);
        if (wanted.isEmpty() || wanted.size() > MAX_PARTIES) {
            throw new InvalidAgreementException("parties: give 1 to " + MAX_PARTIES + " organisation codes");
        }
        Map<String, Organisation> found = organisations.byCodes(wanted);
        List<String> unknown = wanted.stream().filter(c -> !found.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidAgreementException("parties: no organisation has the code(s) " + unknown);
        }
        return wanted.stream().map(found::get).sorted(Comparator.comparing(Organisation::code)).toList();
    }

    private List<Agreement.CoveredIndicator> indicatorsOf(List<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (wanted.isEmpty() || wanted.size() > MAX_INDICATORS) {
            throw new InvalidAgreementException("indicators: give 1 to " + MAX_INDICATORS + " indicator ids");
        }
        Map<String, Agreement.CoveredIndicator> found = agreements.indicatorsById(wanted);
        List<String> unknown = wanted.stream().filter(c -> !found.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidAgreementException("indicators: no indicator has the id(s) " + unknown);
        }
        return wanted.stream().map(found::get).sorted(Comparator.comparing(Agreement.CoveredIndicator::id)).toList();
    }

    /** The agreement's fields as the history shows them (lists joined with ", ", dates ISO-8601). */
    private static Map<String, String> snapshot(AgreementTerms terms, List<Organisation> parties,
                                                List<Agreement.CoveredIndicator> indicators) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", terms.title());
        fields.put("purpose", terms.purpose());
        fields.put("legalBasis", terms.legalBasis());
        fields.put("parties", String.join(", ", parties.stream().map(Organisation::code).toList()));
        fields.put("indicators", String.join(", ", indicators.stream().map(Agreement.CoveredIndicator::id).toList()));
        fields.put("dataFields", terms.dataFields().isEmpty() ? null : String.join(", ", terms.dataFields()));
        fields.put("frequency", terms.frequency() == null ? null : terms.frequency().name());
        fields.put("securityArrangements", terms.securityArrangements());
        fields.put("startDate", Objects.toString(terms.startDate(), null));
        fields.put("endDate", Objects.toString(terms.endDate(), null));
        fields.put("reviewDate", Objects.toString(terms.reviewDate(), null));
        return fields;
    }

    private static List<AgreementChange> changes(int agreementDbId, Caller caller, OffsetDateTime at, AgreementChange.Action action,
                                                 Map<String, String> before, Map<String, String> after, String reason) {
        List<AgreementChange> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.add(new AgreementChange(0, agreementDbId, at, caller.id(), caller.role().name(), caller.organisationId(),
                        action, field, old, value, reason));
            }
        });
        return changes;
    }

    private AgreementChange statusChange(Agreement agreement, Caller caller, OffsetDateTime at, AgreementChange.Action action,
                                         AgreementStatus to, String reason) {
        return new AgreementChange(0, agreement.dbId(), at, caller.id(), caller.role().name(), caller.organisationId(), action,
                "status", agreement.statusOn(today()).name(), to.name(), reason);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
