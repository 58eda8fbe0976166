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
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.privacy.policy.PolicyRule;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.policy.PatternSuppression;
import org.sightline.privacy.policy.RoundToBase;
import org.sightline.privacy.policy.Treatment;
import org.springframework.stereotype.Component;

/**
 * The SUPPRESS and ROUND treatments: each cell of the answer is looked up in the suppression
 * pattern stored for its release, period and country and for the table the caller's rule needs
 * ({@link SuppressionPatterns}), solved once over every area at every level of that table and
 * every combination of characteristic values and totals; so a withheld cell cannot be recovered
 * from the answers to other questions, and every question about a cell gets the same status.
 * The policy that applies it is {@link PatternSuppression} of the privacy module; this class keeps
 * the look-up.
 */
@Component
class MarginSuppression {

    private final DisclosurePolicies policies;
    private final SuppressionPatterns patterns;

    MarginSuppression(DisclosurePolicies policies, SuppressionPatterns patterns) {
        this.policies = policies;
        this.patterns = patterns;
    }

    /**
     * The policy that releases {@code cells} (in this order) under the stored pattern of the table
     * the caller's rule needs: withheld where the pattern says so, then rounded for ROUND.
     */
    DisclosurePolicy policyFor(StoredIndicator indicator, ObservationQuery query, List<RolledUpCell> cells, PolicyRule rule,
                               Treatment treatment) {
        TableKind kind = TableKind.forRule(rule)
                .orElseThrow(() -> new IllegalStateException("rule " + rule + " neither suppresses nor rounds"));
        List<StoredType> types = indicator.characteristicTypes();
        // The planner allows one value for a filtered characteristic outside the breakdown: that value is the cell's.
        Map<String, String> singleFilterValue = new HashMap<>();
        for (CharacteristicFilter filter : query.filter()) {
            if (!query.breakdown().contains(filter.type())) {
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
        List<PatternSuppression.Verdict> verdicts = patterns.lookup(indicator, kind, question).stream()
                .map(v -> new PatternSuppression.Verdict(v.withheld(), v.tableWithheldWholeFrom())).toList();
        return new PatternSuppression(verdicts, policies.settings().threshold(),
                treatment == Treatment.ROUND ? new RoundToBase(policies.settings().roundingBase()) : null);
    }
}
