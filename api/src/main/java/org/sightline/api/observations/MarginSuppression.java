package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.privacy.DisclosurePolicies;
import org.sightline.api.suppression.SuppressionPatterns;
import org.sightline.api.suppression.TableKind;
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
import org.springframework.stereotype.Component;

/**
 * The SUPPRESS and ROUND treatments: each cell of the answer is looked up in the suppression
 * pattern stored for its release, period and country and for the table the caller's rule needs
 * ({@link SuppressionPatterns}), solved once over every area at every level of that table and
 * every combination of characteristic values and totals; so a withheld cell cannot be recovered
 * from the answers to other questions, and every question about a cell gets the same status.
 * Then, for ROUND, every released number is rounded on its own.
 */
@Component
class MarginSuppression {

    private final DisclosurePolicies policies;
    private final SuppressionPatterns patterns;

    MarginSuppression(DisclosurePolicies policies, SuppressionPatterns patterns) {
        this.policies = policies;
        this.patterns = patterns;
    }

    /** The protected cells, in the order of {@code cells}. */
    List<ProtectedCell> protect(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells, PolicyRule rule,
                                Treatment treatment) {
        List<ProtectedCell> suppressed = suppress(indicator, query, cells, rule);
        return treatment == Treatment.ROUND ? rounded(suppressed) : suppressed;
    }

    private List<ProtectedCell> suppress(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells, PolicyRule rule) {
        TableKind kind = TableKind.forRule(rule)
                .orElseThrow(() -> new IllegalStateException("rule " + rule + " neither suppresses nor rounds"));
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
        List<SuppressionPatterns.QuestionCell> question = new ArrayList<>(cells.size());
        for (RolledUpCell cell : cells) {
            List<Integer> valueIds = new ArrayList<>(types.size());
            for (StoredType type : types) {
                String code = cell.characteristics().stream().filter(c -> c.type().equals(type.code())).map(CharacteristicRef::code)
                        .findFirst().orElse(singleFilterValue.getOrDefault(type.code(), "total"));
                valueIds.add(type.value(code).map(StoredValue::id)
                        .orElseThrow(() -> new IllegalStateException("no value '" + code + "' of " + type.code())));
            }
            question.add(new SuppressionPatterns.QuestionCell(cell.area().code(), cell.period().code(), cell.releaseId(), valueIds));
        }
        List<SuppressionPatterns.Verdict> verdicts = patterns.lookup(indicator, kind, question);
        List<ProtectedCell> protectedCells = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            SuppressionPatterns.Verdict verdict = verdicts.get(i);
            if (verdict.withheld()) {
                protectedCells.add(new ProtectedCell(null, null, Disclosure.suppressed(reason(verdict), "cell-suppression")));
            } else {
                RolledUpCell cell = cells.get(i);
                protectedCells.add(new ProtectedCell(cell.count(), cell.denominator(), Disclosure.EXACT));
            }
        }
        return protectedCells;
    }

    /**
     * One reason for every withheld cell of a table: telling "small" apart from "withheld to
     * protect a small one" would tell an attacker which cells are small. A table whose exact
     * pattern took too long says so on every withheld cell, small or not.
     */
    private String reason(SuppressionPatterns.Verdict verdict) {
        int threshold = policies.settings().threshold();
        String reason = "withheld: fewer than " + threshold + ", or would let a number below " + threshold
                + " be worked out from published totals";
        return verdict.tableWithheldWholeFrom() == null ? reason
                : reason + " (in this table every " + verdict.tableWithheldWholeFrom() + " and finer figure is withheld)";
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
