package org.sightline.domain.analysis;

import java.util.ArrayList;
import java.util.List;
import org.sightline.domain.indicator.Polarity;

/**
 * Ranks areas by need. Rank 1 is the greatest need: the lowest value when higher is better, the
 * highest value when lower is better or when there is no judgement. Ties share a rank and the next
 * rank skips ("1, 2, 2, 4"). Areas without a value (suppressed or missing) get no rank and no
 * quintile: they are never placed by a hidden value. Quintile 1 holds the fifth of ranked areas in
 * greatest need: quintile = ceil(5 * rank / number ranked). The placing is {@link RankedValues}'s.
 */
public final class NeedRanking {

    /** An area's value to rank, or null when it has none. */
    public record Candidate<K>(K key, Double value) {
    }

    /** The ranking of one candidate; rank and quintile are null when it had no value. */
    public record Ranked<K>(K key, Integer rank, Integer quintile) {
    }

    private NeedRanking() {
    }

    public static <K> List<Ranked<K>> rank(List<Candidate<K>> candidates, Polarity polarity) {
        RankedValues values = new RankedValues(greatestNeedFirst(polarity));
        candidates.forEach(c -> values.add(c.value()));
        List<Ranked<K>> result = new ArrayList<>(candidates.size());
        for (Candidate<K> candidate : candidates) {
            result.add(new Ranked<>(candidate.key(), values.rank(candidate.value()), values.quintile(candidate.value())));
        }
        return result;
    }

    /** The end of the scale where need is greatest: low values when higher is better, else high values. */
    static RankedValues.Direction greatestNeedFirst(Polarity polarity) {
        return polarity == Polarity.HIGHER_IS_BETTER ? RankedValues.Direction.LOWEST_FIRST : RankedValues.Direction.HIGHEST_FIRST;
    }
}
