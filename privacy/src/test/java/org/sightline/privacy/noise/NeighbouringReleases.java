package org.sightline.privacy.noise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Empirical differential-privacy checks on the outputs of a mechanism run on two neighbouring
 * datasets (A and B), in the spirit of the histogram tests in Google's differential-privacy library
 * ({@code StatisticalTestsUtil}): DP bounds how much more likely any output set is under A than
 * under B, so large enough samples from a mechanism that breaks its claim show it.
 *
 * <p>Sampling error: for a fixed output set S drawn n times from each side, the excess
 * {@code count_A(S) - e^eps count_B(S)} has variance at most {@code E[count_A(S)] + e^(2 eps)
 * E[count_B(S)]} (binomial variance is below the mean). A violation is reported only when the excess
 * is more than {@code z} of those standard deviations (estimated from the observed counts, plus one
 * so empty bins do not get zero tolerance) above what the claim allows.
 */
final class NeighbouringReleases {

    /** A one-sided normal tail of 5 sd is 2.9e-7, so even ~100 comparisons rarely flag a sound mechanism. */
    static final double Z = 5.0;

    private final List<Long> fromA;
    private final List<Long> fromB;

    NeighbouringReleases(List<Long> fromA, List<Long> fromB) {
        if (fromA.size() != fromB.size()) {
            throw new IllegalArgumentException("need as many releases from A as from B");
        }
        this.fromA = List.copyOf(fromA);
        this.fromB = List.copyOf(fromB);
    }

    record Violation(String direction, Set<Long> outputs, long countFirst, long countSecond, double allowed) {
    }

    /**
     * Pure epsilon-DP, bin by bin: for every output value x, count_A(x) <= e^eps count_B(x) +
     * tolerance, and the same with A and B swapped.
     */
    List<Violation> pureDpViolations(double epsilon) {
        Map<Long, Long> a = histogram(fromA);
        Map<Long, Long> b = histogram(fromB);
        Set<Long> outputs = new TreeSet<>(a.keySet());
        outputs.addAll(b.keySet());
        List<Violation> violations = new ArrayList<>();
        for (long x : outputs) {
            check("A over B", Set.of(x), a, b, epsilon, 0, fromA.size()).ifPresent(violations::add);
            check("B over A", Set.of(x), b, a, epsilon, 0, fromA.size()).ifPresent(violations::add);
        }
        return violations;
    }

    /**
     * (epsilon, delta)-DP: P_A(S) <= e^eps P_B(S) + delta for every output set S. The worst S is the
     * set of outputs where A is more than e^eps times as likely as B; choosing it from the same data
     * that then measures it would bias the excess upwards, so the first half of each sample chooses
     * S and the second half, independent of the choice, measures it.
     */
    List<Violation> approximateDpViolations(double epsilon, double delta) {
        int half = fromA.size() / 2;
        Map<Long, Long> chooseA = histogram(fromA.subList(0, half));
        Map<Long, Long> chooseB = histogram(fromB.subList(0, half));
        Map<Long, Long> measureA = histogram(fromA.subList(half, 2 * half));
        Map<Long, Long> measureB = histogram(fromB.subList(half, 2 * half));
        List<Violation> violations = new ArrayList<>();
        check("A over B", worstSet(chooseA, chooseB, epsilon), measureA, measureB, epsilon, delta, half)
                .ifPresent(violations::add);
        check("B over A", worstSet(chooseB, chooseA, epsilon), measureB, measureA, epsilon, delta, half)
                .ifPresent(violations::add);
        return violations;
    }

    private static Set<Long> worstSet(Map<Long, Long> first, Map<Long, Long> second, double epsilon) {
        Set<Long> worst = new HashSet<>();
        first.forEach((x, count) -> {
            if (count > Math.exp(epsilon) * second.getOrDefault(x, 0L)) {
                worst.add(x);
            }
        });
        return worst;
    }

    private static Optional<Violation> check(
            String direction, Set<Long> outputs, Map<Long, Long> first, Map<Long, Long> second,
            double epsilon, double delta, int samples) {
        long countFirst = outputs.stream().mapToLong(x -> first.getOrDefault(x, 0L)).sum();
        long countSecond = outputs.stream().mapToLong(x -> second.getOrDefault(x, 0L)).sum();
        double factor = Math.exp(epsilon);
        double standardDeviation = Math.sqrt(countFirst + factor * factor * countSecond + 1);
        double allowed = factor * countSecond + delta * samples + Z * standardDeviation;
        return countFirst > allowed
                ? Optional.of(new Violation(direction, outputs, countFirst, countSecond, allowed))
                : Optional.empty();
    }

    private static Map<Long, Long> histogram(List<Long> values) {
        Map<Long, Long> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }
}
