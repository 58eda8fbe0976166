package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.customgeographies.CustomGeographies;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.privacy.AuditLog;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.privacy.Entitlements;
import org.sightline.api.privacy.PrivacyLedger;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Service;

/**
 * Answers an {@link ObservationQuery} for a caller - the one door every number leaves through.
 * The {@link TreatmentDecision} gives the treatment for the caller's standing and the indicator's
 * disclosure class (refusing levels, indicators and custom areas the caller may not have before
 * any data is read); true values come from {@link Observations#rollUp} as one table; the table is
 * protected whole ({@link MarginSuppression} for suppression and rounding, cell by cell for exact
 * and noisy values); {@link Publication} derives every value and interval from the protected
 * numbers; noisy answers are charged to the caller's budget and exact values of sensitive
 * indicators are audited. Nothing built from true values leaves this class.
 */
@Service
public class ObservationService {

    private final IndicatorCatalogue indicators;
    private final AreaDirectory areas;
    private final Observations observations;
    private final Entitlements entitlements;
    private final DisclosurePolicies policies;
    private final AuditLog audit;
    private final PrivacyLedger ledger;
    private final MarginSuppression marginSuppression;
    private final CustomGeographies customGeographies;

    ObservationService(IndicatorCatalogue indicators, AreaDirectory areas, Observations observations, Entitlements entitlements,
                       DisclosurePolicies policies, AuditLog audit, PrivacyLedger ledger, MarginSuppression marginSuppression,
                       CustomGeographies customGeographies) {
        this.indicators = indicators;
        this.areas = areas;
        this.observations = observations;
        this.entitlements = entitlements;
        this.policies = policies;
        this.audit = audit;
        this.ledger = ledger;
        this.marginSuppression = marginSuppression;
        this.customGeographies = customGeographies;
    }

    public List<PublishedObservation> answer(ObservationQuery query, Caller caller) {
        StoredIndicator indicator = indicators.require(query.indicator());
        IndicatorDefinition definition = indicator.definition();
        Entitlements.Standing standing = entitlements.of(caller, indicator);
        TreatmentDecision decision = new TreatmentDecision(policies.matrix().ruleFor(standing.access(), definition.disclosureClass()),
                definition, caller, standing, areas);
        decision.requireSomeAccess();
        ResolvedQuery resolved = resolve(indicator, query);
        // Levels and named custom areas are checked before any data is read, so a refusal says nothing about the data.
        if (resolved.areas().level() != null) {
            decision.atLevel(resolved.areas().level());
        }
        Map<String, String> namedCustomAreas = customGeographies.memberTypes(resolved.areas().codes());
        if (query.areas().customGeography() != null && namedCustomAreas.isEmpty()) {
            throw new NotFoundException("no custom geography has the id '" + query.areas().customGeography() + "'");
        }
        decision.forCustomAreas(namedCustomAreas.values());

        Observations.RolledUpTable table = observations.rollUp(resolved);
        if (definition.measureType() == MeasureType.NON_ADDITIVE && !table.allAtStoredGrain()) {
            throw new InvalidQueryException("indicator '" + definition.id() + "' is NON_ADDITIVE (" + definition.unit()
                    + "): its values cannot be combined, so ask for the areas and breakdown it was supplied at "
                    + "(break down by every characteristic type: " + definition.characteristicTypes() + ")");
        }
        if (table.cells().isEmpty()) {
            explainEmptyAnswer(query);
        }
        if (table.cells().size() > policies.settings().maxCellsPerQuery()) {
            // The message does not say how many cells there are: that number would tell which cells hold data.
            throw new InvalidQueryException("the answer would have more cells than the " + policies.settings().maxCellsPerQuery()
                    + " returned per query: ask for fewer areas, periods or breakdowns");
        }
        Treatment treatment = treatmentOf(table.cells(), decision, namedCustomAreas);
        List<PublishedObservation> published = treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND
                ? Publication.of(definition, table.cells(),
                        marginSuppression.protect(indicator, query, table.cells(), decision.rule(), treatment))
                : Publication.cellByCell(definition, table.cells(), policies.forTreatment(treatment));
        if (treatment == Treatment.NOISE && !decision.publicStanding()) {
            // Interactive noisy questions of callers with more than public standing (partners,
            // analysts, stewards reading another organisation's data) are charged to their budget
            // before any value leaves; noise withheld as too small was computed too, so it counts.
            // Public-standing answers (anonymous callers and operators) are standard tables with
            // consistent noise and no custom areas, so asking again gains nothing.
            double rho = published.stream().mapToDouble(p -> p.disclosure().rho() == null ? 0 : p.disclosure().rho()).sum();
            ledger.charge(caller, indicator.dbId(), rho, query.toString());
        }
        long exactCells = published.stream().filter(p -> p.disclosure().status() == DisclosureStatus.EXACT).count();
        if (definition.disclosureClass() != DisclosureClass.OPEN && exactCells > 0) {
            audit.exactValuesSeen(caller, standing.agreementId(), indicator.dbId(), query.toString(), (int) exactCells);
        }
        return published;
    }

    /**
     * The treatment of the whole answer: the strongest over the levels of the areas actually in it
     * (explicit codes may mix levels), a custom area counting as an area of its finest member level.
     */
    private Treatment treatmentOf(List<RolledUpCell> cells, TreatmentDecision decision, Map<String, String> namedCustomAreas) {
        Treatment standard = decision.atLevels(cells.stream().map(c -> c.area().type()).filter(type -> !type.equals("custom")).toList());
        List<String> customCodes = cells.stream().filter(c -> c.area().type().equals("custom")).map(c -> c.area().code())
                .distinct().toList();
        // Custom areas named in the question were looked up before the roll-up; only "level: custom" finds others.
        Map<String, String> memberTypes = namedCustomAreas.keySet().containsAll(customCodes) ? namedCustomAreas
                : customGeographies.memberTypes(customCodes);
        Treatment custom = customCodes.isEmpty() ? Treatment.EXACT
                : decision.forCustomAreas(customCodes.stream().map(memberTypes::get).toList());
        return TreatmentDecision.strongest(standard, custom);
    }

    private ResolvedQuery resolve(StoredIndicator indicator, ObservationQuery query) {
        List<StoredType> types = indicator.characteristicTypes();
        List<Integer> positions = new ArrayList<>();
        for (String code : query.breakdown()) {
            positions.add(positionOf(indicator, code));
        }
        List<ResolvedQuery.ValueFilter> filters = new ArrayList<>();
        for (CharacteristicFilter filter : query.filter()) {
            int position = positionOf(indicator, filter.type());
            StoredType type = types.get(position - 1);
            List<Integer> ids = new ArrayList<>();
            for (String code : filter.values()) {
                StoredValue value = type.value(code).orElseThrow(() -> new InvalidQueryException("'" + code
                        + "' is not a value of " + type.code() + "; expected one of "
                        + type.values().stream().filter(v -> !v.total()).map(StoredValue::code).toList()));
                if (value.total()) {
                    throw new InvalidQueryException("filter on " + type.code() + " cannot list 'total'; leave "
                            + type.code() + " out of the breakdown to get the total");
                }
                ids.add(value.id());
            }
            filters.add(new ResolvedQuery.ValueFilter(position, ids));
        }
        var selector = query.areas();
        List<String> codes = selector.codes();
        if (selector.customGeography() != null) {
            codes = List.of(selector.customGeography());
        }
        if (selector.level() != null && !areas.isAreaType(selector.level())) {
            throw new InvalidQueryException("level '" + selector.level() + "' is not an area type; expected one of " + areas.areaTypeCodes());
        }
        return new ResolvedQuery(indicator.dbId(),
                new ResolvedQuery.AreaTarget(codes, selector.within(), selector.level()),
                query.periods(), positions, List.copyOf(query.breakdown()), filters);
    }

    private static int positionOf(StoredIndicator indicator, String typeCode) {
        List<StoredType> types = indicator.characteristicTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).code().equals(typeCode)) {
                return i + 1;
            }
        }
        throw new InvalidQueryException("indicator '" + indicator.id() + "' is not broken down by '" + typeCode
                + "'; it has " + indicator.definition().characteristicTypes());
    }

    /** Only on the empty path: say which named area does not exist, rather than answer "no data" for a typo. */
    private void explainEmptyAnswer(ObservationQuery query) {
        Set<String> named = new LinkedHashSet<>(query.areas().codes());
        if (query.areas().within() != null) {
            named.add(query.areas().within());
        }
        if (named.isEmpty()) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(named);
        missing.removeAll(new HashSet<>(areas.existingCodes(named)));
        if (!missing.isEmpty()) {
            throw new NotFoundException("no area has the code(s) " + missing);
        }
    }
}
