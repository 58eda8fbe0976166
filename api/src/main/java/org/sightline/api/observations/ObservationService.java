package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.customgeographies.CustomGeographies;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.web.NotFoundException;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.IndicatorValue;
import org.sightline.domain.observation.ValueInterval;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.RolledUpCell;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.suppression.AdditiveTable;
import org.sightline.privacy.suppression.SecondarySuppression;
import org.sightline.privacy.suppression.SuppressionResult;
import org.sightline.privacy.suppression.SuppressionRule;
import org.sightline.api.privacy.AuditLog;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.privacy.Entitlements;
import org.sightline.api.privacy.PrivacyLedger;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.access.Caller;
import org.sightline.domain.access.Role;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.noise.CellIdentity;
import org.sightline.privacy.policy.Access.EffectiveRole;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.RoundToBase;
import org.sightline.privacy.policy.Treatment;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.TableCell;
import org.springframework.stereotype.Service;

/**
 * Answers an {@link ObservationQuery} for a caller: the policy matrix gives the treatment for the
 * caller's standing and the indicator's disclosure class (refusing levels or indicators the caller
 * may not see before any data is read); true values come from {@link Observations#rollUp} as one
 * table; the disclosure policy protects the whole table; every derived value (the rate, the value)
 * is computed from the protected numerator and denominator; exact values of sensitive indicators
 * are audited. Nothing built from true values leaves this class.
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
    private final MarginTables marginTables;
    private final CustomGeographies customGeographies;

    ObservationService(IndicatorCatalogue indicators, AreaDirectory areas, Observations observations, Entitlements entitlements,
                       DisclosurePolicies policies, AuditLog audit, PrivacyLedger ledger, MarginTables marginTables,
                       CustomGeographies customGeographies) {
        this.customGeographies = customGeographies;
        this.marginTables = marginTables;
        this.ledger = ledger;
        this.indicators = indicators;
        this.areas = areas;
        this.observations = observations;
        this.entitlements = entitlements;
        this.policies = policies;
        this.audit = audit;
    }

    public List<PublishedObservation> answer(ObservationQuery query, Caller caller) {
        StoredIndicator indicator = indicators.require(query.indicator());
        IndicatorDefinition definition = indicator.definition();
        Entitlements.Standing standing = entitlements.of(caller, indicator);
        PolicyRule rule = policies.matrix().ruleFor(standing.access(), definition.disclosureClass());
        if (rule.treatment() == Treatment.FORBIDDEN && rule.belowFinestLevel() == Treatment.FORBIDDEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + (caller.role() == Role.ANALYST ? ": analysts need a live data sharing agreement covering it for their organisation"
                    : ": your role (" + caller.role() + ") may not see it"));
        }
        ResolvedQuery resolved = resolve(indicator, query);
        if (resolved.areas().level() != null) {
            treatmentAt(rule, definition, caller, resolved.areas().level());
        }
        // Named custom areas are checked before any data is read, so a refusal says nothing about the data.
        treatmentOfCustomAreas(rule, definition, caller, standing, customGeographies.memberTypes(resolved.areas().codes()).values());
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
        // The treatment follows the finest area actually in the answer (explicit codes may mix levels);
        // a custom area counts as an area of its finest member level.
        Treatment treatment = table.cells().stream().map(c -> c.area().type()).filter(type -> !type.equals("custom")).distinct()
                .map(type -> treatmentAt(rule, definition, caller, type))
                .max(Comparator.comparingInt(ObservationService::strength)).orElse(Treatment.EXACT);
        List<String> customCodes = table.cells().stream().filter(c -> c.area().type().equals("custom")).map(c -> c.area().code())
                .distinct().toList();
        if (!customCodes.isEmpty()) {
            Treatment custom = treatmentOfCustomAreas(rule, definition, caller, standing, customGeographies.memberTypes(customCodes).values());
            treatment = strength(custom) > strength(treatment) ? custom : treatment;
        }
        List<PublishedObservation> published = treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND
                ? publish(definition, table.cells(), rounded(treatment, suppressWithMargins(indicator, query, table.cells(), rule)))
                : protect(definition, indicator.id(), table.cells(), policies.forTreatment(treatment));
        if (treatment == Treatment.NOISE && standing.access().effectiveRole() != EffectiveRole.PUBLIC) {
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

    /** The treatment at one area level, refusing levels the rule forbids with a message that names the rule. */
    private Treatment treatmentAt(PolicyRule rule, IndicatorDefinition definition, Caller caller, String areaType) {
        var type = areas.areaType(areaType);
        Treatment treatment = rule.treatmentAt(type == null ? Integer.MAX_VALUE : type.granularity());
        if (treatment == Treatment.FORBIDDEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": your role (" + caller.role() + ") may query it at " + rule.finestLevel()
                    + " level or coarser, and " + areaType + " is finer");
        }
        return treatment;
    }

    /**
     * The treatment of custom areas made of members of the given types: that of their finest
     * member level. Custom areas are answered only exactly or with consistent noise. Under
     * suppression or rounding they are refused: a caller who may define areas could build two that
     * differ by one withheld cell, and no suppression pattern fixed before that area existed can
     * protect against it. The public gets no custom areas of non-OPEN indicators at all (PRIVACY.md
     * query rule 6): noisy answers to many overlapping areas anyone can define would add up.
     */
    private Treatment treatmentOfCustomAreas(PolicyRule rule, IndicatorDefinition definition, Caller caller,
                                             Entitlements.Standing standing, Collection<String> memberTypes) {
        if (memberTypes.isEmpty()) {
            return Treatment.EXACT;
        }
        // Public standing covers operators too (ADMIN sees what the public sees), and nobody with
        // public standing has a budget to charge for fresh noise on each new area.
        if (standing.access().effectiveRole() == EffectiveRole.PUBLIC && definition.disclosureClass() != DisclosureClass.OPEN) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": custom geographies are not answered for the public (or operators, who see what the public sees) on it; "
                    + "ask for standard areas");
        }
        Treatment treatment = memberTypes.stream().distinct().map(type -> treatmentAt(rule, definition, caller, type))
                .max(Comparator.comparingInt(ObservationService::strength)).orElseThrow();
        if (treatment == Treatment.SUPPRESS || treatment == Treatment.ROUND) {
            throw new ForbiddenException("indicator '" + definition.id() + "' is " + definition.disclosureClass()
                    + ": your role (" + caller.role() + ") gets it with " + (treatment == Treatment.SUPPRESS ? "suppression" : "rounding")
                    + " at the level of this custom area's members, and a custom area could be differenced against published "
                    + "areas to work out a withheld number; ask for the standard areas instead");
        }
        return treatment;
    }

    /** Orders treatments from least to most protective, so a mixed answer gets the strongest. */
    private static int strength(Treatment treatment) {
        return switch (treatment) {
            case EXACT -> 0;
            case SUPPRESS -> 1;
            case ROUND -> 2;
            case NOISE -> 3;
            case FORBIDDEN -> 4;
        };
    }

    /** For ROUND, every released count and denominator is rounded on its own, after suppression. */
    private List<ProtectedCell> rounded(Treatment treatment, List<ProtectedCell> cells) {
        if (treatment != Treatment.ROUND) {
            return cells;
        }
        RoundToBase rounding = new RoundToBase(policies.settings().roundingBase());
        return cells.stream().map(c -> c.count() == null && c.denominator() == null ? c
                : new ProtectedCell(rounding.round(c.count()), rounding.round(c.denominator()),
                        new Disclosure(DisclosureStatus.ROUNDED, "rounded to the nearest " + rounding.base(),
                                "cell-suppression+round(" + rounding.base() + ")", null, null, null))).toList();
    }

    private static List<PublishedObservation> protect(IndicatorDefinition definition, String indicatorId, List<RolledUpCell> cells,
                                                      DisclosurePolicy policy) {
        List<TableCell> table = new ArrayList<>(cells.size());
        for (RolledUpCell cell : cells) {
            List<String> coordinates = new ArrayList<>();
            coordinates.add(cell.area().code());
            coordinates.add(cell.period().code());
            cell.characteristics().forEach(c -> coordinates.add(c.type() + "=" + c.code()));
            table.add(new TableCell(coordinates, cell.count(), cell.denominator(), noiseIdentity(indicatorId, cell)));
        }
        return publish(definition, cells, policy.protect(table));
    }

    /**
     * Suppression on the whole table of margins the caller could obtain (every area at the levels
     * in the answer under the same country, every combination of characteristic values and totals),
     * so a withheld cell cannot be recovered from the answers to other questions.
     */
    private List<ProtectedCell> suppressWithMargins(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells,
                                                    PolicyRule rule) {
        List<StoredType> types = indicator.characteristicTypes();
        Map<String, String> singleFilterValue = new HashMap<>();
        for (CharacteristicFilter filter : query.filter()) {
            if (!query.breakdown().contains(filter.type())) {
                if (filter.values().size() > 1) {
                    throw new InvalidQueryException("with suppression in force, a filter on '" + filter.type()
                            + "' may keep one value unless " + filter.type() + " is in the breakdown (the sum of several "
                            + "values is not a published margin)");
                }
                singleFilterValue.put(filter.type(), filter.values().get(0));
            }
        }
        String firstArea = cells.get(0).area().code();
        String root = areas.parents(List.of(firstArea), "country").getOrDefault(firstArea,
                areas.find(firstArea).orElseThrow()).code();
        int finest = cells.stream().mapToInt(c -> areas.areaType(c.area().type()).granularity()).max().orElseThrow();
        List<String> levels = areas.areaTypes().stream()
                // MSOAs and postcode sectors overlap wards; a table holding both needs their
                // intersections as unpublished cells, which is not built yet, so their cells are
                // withheld (as "not in the table") rather than risk differencing.
                .filter(t -> t.granularity() <= finest && !List.of("custom", "msoa", "postcode_sector").contains(t.code()))
                .map(AreaDirectory.AreaTypeRow::code).toList();
        List<String> periodCodes = cells.stream().map(c -> c.period().code()).distinct().toList();
        Map<Integer, String> valueCodes = new HashMap<>();
        types.forEach(t -> t.values().forEach(v -> valueCodes.put(v.id(), v.code())));
        MarginTables.MarginTable margins = marginTables.load(indicator.dbId(), root, levels, types.size(), valueCodes, periodCodes);
        SuppressionResult result = new SecondarySuppression().apply(new AdditiveTable(margins.counts(), margins.relations()),
                new SuppressionRule(policies.settings().threshold(), policies.settings().suppressZeros()));
        // A caller who sees coarser levels exactly (an analyst: exact to ward, suppressed below)
        // would undo any protection that relies on hiding one of those exact cells; refuse then.
        for (String hidden : result.suppressedCells().keySet()) {
            var type = areas.areaType(margins.areaTypeOf(hidden));
            if (rule.treatmentAt(type.granularity()) == Treatment.EXACT) {
                throw new ForbiddenException("this question below " + rule.finestLevel() + " level cannot be answered with "
                        + "suppression that stays consistent with the exact " + rule.finestLevel()
                        + " figures your role sees; ask at " + rule.finestLevel() + " level or coarser");
            }
        }
        List<ProtectedCell> protectedCells = new ArrayList<>(cells.size());
        for (RolledUpCell cell : cells) {
            List<String> values = new ArrayList<>();
            for (StoredType type : types) {
                values.add(cell.characteristics().stream().filter(c -> c.type().equals(type.code())).map(CharacteristicRef::code)
                        .findFirst().orElse(singleFilterValue.getOrDefault(type.code(), "total")));
            }
            String key = MarginTables.key(cell.area().code(), cell.period().code(), values);
            var suppression = result.suppression(key);
            if (suppression.isPresent() || !margins.counts().containsKey(key)) {
                // One status and one reason for every withheld cell: telling "small" apart from
                // "withheld to protect a small one" would tell an attacker which cells are small.
                protectedCells.add(new ProtectedCell(null, null, Disclosure.suppressed(
                        "withheld: fewer than " + policies.settings().threshold() + ", or would let a number below "
                                + policies.settings().threshold() + " be worked out from published totals", "cell-suppression")));
            } else {
                protectedCells.add(new ProtectedCell(cell.count(), cell.denominator(), Disclosure.EXACT));
            }
        }
        return protectedCells;
    }

    /**
     * What seeds a cell's noise: the indicator, the release, the period and the exact set of stored
     * cells summed. The period is part of it because one release can cover several years, and two
     * years with the same noise would have an exact difference.
     */
    static CellIdentity noiseIdentity(String indicatorId, RolledUpCell cell) {
        return new CellIdentity(indicatorId, Long.toString(cell.releaseId()),
                List.of("period=" + cell.period().code(), "cells=" + cell.baseCellsDigest()));
    }

    private static List<PublishedObservation> publish(IndicatorDefinition definition, List<RolledUpCell> cells,
                                                      List<ProtectedCell> protectedCells) {
        List<PublishedObservation> published = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            RolledUpCell cell = cells.get(i);
            ProtectedCell safe = protectedCells.get(i);
            boolean unchanged = safe.disclosure().status() == DisclosureStatus.EXACT;
            // A stored value (a score, or a supplier's own rate) is released only where the cell is
            // one stored cell and the policy released it exactly; otherwise it is recomputed.
            Double value = IndicatorValue.of(definition.measureType(), definition.multiplier(), safe.count(), safe.denominator(),
                    unchanged ? cell.storedValue() : null);
            // The supplier's own interval where the cell is theirs, unchanged; otherwise computed
            // from the released numerator and denominator (never from true values).
            boolean supplied = unchanged && cell.baseCells() == 1 && cell.storedLowerCi() != null && cell.storedUpperCi() != null;
            Double lower;
            Double upper;
            String method;
            if (supplied) {
                lower = cell.storedLowerCi();
                upper = cell.storedUpperCi();
                method = "SUPPLIED";
            } else {
                IntervalEstimate interval = ValueInterval.of(definition.measureType(), definition.multiplier(), safe.count(),
                        safe.denominator(), ConfidenceLevel.NINETY_FIVE);
                lower = interval == null ? null : interval.lower();
                upper = interval == null ? null : interval.upper();
                method = interval == null ? null : interval.method().name();
            }
            IntervalEstimate interval998 = ValueInterval.of(definition.measureType(), definition.multiplier(), safe.count(),
                    safe.denominator(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
            published.add(new PublishedObservation(cell.area(), cell.period(), cell.characteristics(), value,
                    safe.count(), safe.denominator(), lower, upper, method, interval998, safe.disclosure()));
        }
        return published;
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
            if (customGeographies.memberTypes(List.of(selector.customGeography())).isEmpty()) {
                throw new NotFoundException("no custom geography has the id '" + selector.customGeography() + "'");
            }
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
