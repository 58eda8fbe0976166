package org.sightline.api.agreements;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sightline.api.graphql.Connection;
import org.sightline.api.graphql.Cursors;
import org.sightline.api.organisations.Organisation;
import org.sightline.api.organisations.Organisations;
import org.sightline.domain.access.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code agreements}, {@code agreement} and the lifecycle mutations of the register. */
@Controller
class AgreementGraphQlController {

    private static final int MAX_PAGE = 200;

    private final AgreementRegister register;
    private final Organisations organisations;

    AgreementGraphQlController(AgreementRegister register, Organisations organisations) {
        this.register = register;
        this.organisations = organisations;
    }

    /** The GraphQL {@code AgreementInput}. */
    record AgreementInput(String id, String title, String purpose, String legalBasis, List<String> parties, List<String> indicators,
                          List<String> dataFields, SharingFrequency frequency, String securityArrangements,
                          LocalDate startDate, LocalDate endDate, LocalDate reviewDate) {
    }

    /** The GraphQL {@code AgreementChangeInput}. */
    record AgreementChangeInput(String title, String purpose, String legalBasis, List<String> parties, List<String> indicators,
                                List<String> dataFields, SharingFrequency frequency, String securityArrangements,
                                LocalDate startDate, LocalDate endDate, LocalDate reviewDate) {
    }

    /** The GraphQL {@code Agreement}: the stored agreement as it stands today by the service's clock. */
    record AgreementView(Agreement stored, AgreementStatus status, boolean live, boolean reviewDue) {

        static AgreementView of(Agreement agreement, LocalDate today) {
            return new AgreementView(agreement, agreement.statusOn(today), agreement.liveOn(today), agreement.reviewDueOn(today));
        }

        public String id() {
            return stored.id();
        }

        public String title() {
            return stored.terms().title();
        }

        public String purpose() {
            return stored.terms().purpose();
        }

        public String legalBasis() {
            return stored.terms().legalBasis();
        }

        public List<Organisation> parties() {
            return stored.parties();
        }

        public List<Agreement.CoveredIndicator> indicators() {
            return stored.indicators();
        }

        public List<String> dataFields() {
            return stored.terms().dataFields();
        }

        public SharingFrequency frequency() {
            return stored.terms().frequency();
        }

        public String securityArrangements() {
            return stored.terms().securityArrangements();
        }

        public LocalDate startDate() {
            return stored.terms().startDate();
        }

        public LocalDate endDate() {
            return stored.terms().endDate();
        }

        public LocalDate reviewDate() {
            return stored.terms().reviewDate();
        }

        public String createdBy() {
            return stored.createdBy();
        }

        public String createdAt() {
            return stored.createdAt().toString();
        }

        public String approvedBy() {
            return stored.approvedBy();
        }

        public String approvedAt() {
            return stored.approvedAt() == null ? null : stored.approvedAt().toString();
        }
    }

    record AgreementPayload(AgreementView agreement) {
    }

    @QueryMapping
    Connection<AgreementView> agreements(@Argument Integer first, @Argument String after, @ContextValue Caller caller) {
        int size = Cursors.pageSize(first, MAX_PAGE);
        Agreements.Page page = register.visibleTo(caller, Cursors.decode(after), size + 1);
        LocalDate today = register.today();
        return Connection.of(page.agreements().stream().map(a -> AgreementView.of(a, today)).toList(), size, after != null,
                page.totalCount(), AgreementView::id);
    }

    @QueryMapping
    AgreementView agreement(@Argument String id, @ContextValue Caller caller) {
        return register.find(caller, id).map(a -> AgreementView.of(a, register.today())).orElse(null);
    }

    @MutationMapping
    AgreementPayload createAgreement(@Argument AgreementInput input, @ContextValue Caller caller) {
        AgreementTerms terms = new AgreementTerms(input.title(), input.purpose(), input.legalBasis(), input.dataFields(),
                input.frequency(), input.securityArrangements(), input.startDate(), input.endDate(), input.reviewDate());
        return payload(register.create(caller, input.id(), terms, input.parties(), input.indicators()));
    }

    @MutationMapping
    AgreementPayload updateAgreement(@Argument String id, @Argument AgreementChangeInput input, @ContextValue Caller caller) {
        return payload(register.update(caller, id, new AgreementRegister.Changes(input.title(), input.purpose(), input.legalBasis(),
                input.parties(), input.indicators(), input.dataFields(), input.frequency(), input.securityArrangements(),
                input.startDate(), input.endDate(), input.reviewDate())));
    }

    @MutationMapping
    AgreementPayload approveAgreement(@Argument String id, @ContextValue Caller caller) {
        return payload(register.approve(caller, id));
    }

    @MutationMapping
    AgreementPayload suspendAgreement(@Argument String id, @Argument String reason, @ContextValue Caller caller) {
        return payload(register.suspend(caller, id, reason));
    }

    @MutationMapping
    AgreementPayload reinstateAgreement(@Argument String id, @Argument String reason, @ContextValue Caller caller) {
        return payload(register.reinstate(caller, id, reason));
    }

    @MutationMapping
    AgreementPayload endAgreement(@Argument String id, @Argument String reason, @ContextValue Caller caller) {
        return payload(register.end(caller, id, reason));
    }

    private AgreementPayload payload(Agreement agreement) {
        return new AgreementPayload(AgreementView.of(agreement, register.today()));
    }

    @BatchMapping(typeName = "Agreement")
    Map<AgreementView, List<AgreementChange>> history(List<AgreementView> page) {
        Map<Integer, List<AgreementChange>> byId = register.historyOf(page.stream().map(v -> v.stored().dbId()).toList());
        return page.stream().collect(Collectors.toMap(v -> v, v -> byId.getOrDefault(v.stored().dbId(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Agreement")
    Map<AgreementView, Organisation> createdByOrganisation(List<AgreementView> page) {
        return organisationsOf(page, v -> v.stored().createdByOrganisationId());
    }

    @BatchMapping(typeName = "Agreement")
    Map<AgreementView, Organisation> approvedByOrganisation(List<AgreementView> page) {
        return organisationsOf(page, v -> v.stored().approvedByOrganisationId());
    }

    @BatchMapping(typeName = "AgreementIndicator")
    Map<Agreement.CoveredIndicator, Organisation> owner(List<Agreement.CoveredIndicator> indicators) {
        return organisationsOf(indicators, Agreement.CoveredIndicator::ownerOrganisationId);
    }

    @BatchMapping(typeName = "AgreementChange")
    Map<AgreementChange, Organisation> organisation(List<AgreementChange> changes) {
        return organisationsOf(changes, AgreementChange::organisationId);
    }

    @SchemaMapping(typeName = "AgreementChange")
    String at(AgreementChange change) {
        return change.at().toString();
    }

    /** The organisation of each item that has one, read in one statement. */
    private <T> Map<T, Organisation> organisationsOf(Collection<T> items, Function<T, Integer> organisationId) {
        Map<Integer, Organisation> byId = organisations.byIds(items.stream().map(organisationId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return items.stream().filter(i -> organisationId.apply(i) != null && byId.containsKey(organisationId.apply(i)))
                .collect(Collectors.toMap(i -> i, i -> byId.get(organisationId.apply(i)), (a, b) -> a));
    }
}
