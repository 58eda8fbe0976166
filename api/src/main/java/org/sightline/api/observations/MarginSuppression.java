package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.web.ForbiddenException;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.policy.RoundToBase;
import org.sightline.privacy.policy.Treatment;
import org.sightline.privacy.suppression.AdditiveTable;
import org.sightline.privacy.suppression.SecondarySuppression;
import org.sightline.privacy.suppression.SuppressionResult;
import org.sightline.privacy.suppression.SuppressionRule;
import org.springframework.stereotype.Component;

/**
 * The SUPPRESS and ROUND treatments: suppression on the whole table of margins the caller could
 * obtain (every area at the levels in the answer under the same country, every combination of
 * characteristic values and totals), so a withheld cell cannot be recovered from the answers to
 * other questions; then, for ROUND, every released number rounded on its own.
 */
@Component
class MarginSuppression {

    private final AreaDirectory areas;
    private final MarginTables marginTables;
    private final DisclosurePolicies policies;

    MarginSuppression(AreaDirectory areas, MarginTables marginTables, DisclosurePolicies policies) {
        this.areas = areas;
        this.marginTables = marginTables;
        this.policies = policies;
    }

    /** The protected cells, in the order of {@code cells}. */
    List<ProtectedCell> protect(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells, PolicyRule rule,
                                Treatment treatment) {
        List<ProtectedCell> suppressed = suppress(indicator, query, cells, rule);
        return treatment == Treatment.ROUND ? rounded(suppressed) : suppressed;
    }

    private List<ProtectedCell> suppress(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells, PolicyRule rule) {
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

    /** Every released count and denominator rounded on its own, after suppression. */
    private List<ProtectedCell> rounded(List<ProtectedCell> cells) {
        RoundToBase rounding = new RoundToBase(policies.settings().roundingBase());
        return cells.stream().map(c -> c.count() == null && c.denominator() == null ? c
                : new ProtectedCell(rounding.round(c.count()), rounding.round(c.denominator()),
                        new Disclosure(DisclosureStatus.ROUNDED, "rounded to the nearest " + rounding.base(),
                                "cell-suppression+round(" + rounding.base() + ")", null, null, null))).toList();
    }
}
