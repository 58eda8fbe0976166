package org.sightline.domain.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sightline.domain.indicator.Polarity;

/**
 * Ranks areas by need. Rank 1 is the greatest need: the lowest value when higher is better, the
 * highest value when lower is better or when there is no judgement. Ties share a rank and the next
 * rank skips ("1, 2, 2, 4"). Areas without a value (suppressed or missing) get no rank and no
 * quintile: they are never placed by a hidden value. Quintile 1 holds the fifth of ranked areas in
 * greatest need: quintile = ceil(5 * rank / number ranked).
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
        Comparator<Double> greatestNeedFirst = polarity == Polarity.HIGHER_IS_BETTER
                ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Candidate<K>> withValue = candidates.stream().filter(c -> c.value() != null && !c.value().isNaN())
                .sorted(Comparator.comparing(Candidate::value, greatestNeedFirst)).toList();
        int n = withValue.size();
        java.util.Map<K, Integer> ranks = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            boolean tiedWithPrevious = i > 0 && withValue.get(i).value().equals(withValue.get(i - 1).value());
            ranks.put(withValue.get(i).key(), tiedWithPrevious ? ranks.get(withValue.get(i - 1).key()) : i + 1);
        }
        List<Ranked<K>> result = new ArrayList<>(candidates.size());
        for (Candidate<K> candidate : candidates) {
            Integer rank = ranks.get(candidate.key());
            result.add(new Ranked<>(candidate.key(), rank, rank == null ? null : (int) Math.ceil(5.0 * rank / n)));
        }
        return result;
    }
}
