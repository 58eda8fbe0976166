package org.sightline.domain.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Slope index of inequality (SII) across ordered population groups, with a simulated confidence interval.
 *
 * <p>Source: PHEindicatormethods {@code phe_sii} (OHID; Low A, Low A. Measuring the gap: quantifying and comparing
 * local health inequalities. J Public Health 2004;26:388-395) and the PHE Technical Guide "Confidence intervals"
 * / "Slope index of inequality tool (simulated confidence intervals)":
 * <ol>
 *   <li>Groups are ordered from most deprived to least deprived. Each group's relative rank is the midpoint of its
 *       range in the cumulative population distribution: for shares a_1..a_k, rank_i = a_1 + ... + a_{i-1} +
 *       a_i / 2.</li>
 *   <li>The group values are regressed on rank by least squares weighted by population share (PHE fits
 *       {@code sqrt(a) y ~ sqrt(a) + rank sqrt(a) - 1}, which is the same regression). The SII is the slope: the
 *       fitted value at rank 1 minus the fitted value at rank 0.</li>
 *   <li>Confidence interval: each group's value is drawn {@code repetitions} times from a normal distribution with
 *       the group's standard error, the regression is refitted to each draw, and the limits are the order
 *       statistics at positions round(R alpha/2) and round(R (1 - alpha/2)) of the sorted simulated slopes, as
 *       PHEindicatormethods {@code SimulationFunc} does. Standard errors come from the groups' 95% limits:
 *       se = (T(upper95) - T(lower95)) / (2 x 1.959964) where T is the identity, log (rates) or logit
 *       (proportions); draws on the log/logit scale are back-transformed before the regression.</li>
 * </ol>
 * The random generator is injected, so a seeded generator gives reproducible limits. PHE uses 100,000
 * repetitions ({@link #DEFAULT_REPETITIONS}) and accepts no fewer than 1,000; PHE expects 5 to 100 groups, this
 * class requires at least 2.
 */
public final class SlopeIndexOfInequality {

    /** PHE's default number of simulations. */
    public static final int DEFAULT_REPETITIONS = 100_000;

    /** PHE's minimum number of simulations. */
    public static final int MINIMUM_REPETITIONS = 1_000;

    private SlopeIndexOfInequality() {
    }

    /**
     * The SII point estimate (population-weighted least-squares slope of value on relative rank).
     *
     * @param groupsMostToLeastDeprived at least 2 groups, most deprived first
     * @return the SII
     */
    public static double slope(List<InequalityGroup> groupsMostToLeastDeprived) {
        Fit fit = fit(requireGroups(groupsMostToLeastDeprived));
        return fit.slope(values(groupsMostToLeastDeprived));
    }

    /**
     * Relative ranks (cumulative population midpoints) of groups with the given populations, in order.
     *
     * @param populations positive group populations, most deprived first
     * @return each group's relative rank in (0, 1)
     */
    public static double[] relativeRanks(double[] populations) {
        Objects.requireNonNull(populations, "populations");
        double total = 0;
        for (double population : populations) {
            if (!(population > 0) || Double.isInfinite(population)) {
                throw new IllegalArgumentException("populations must be positive and finite, was " + population);
            }
            total += population;
        }
        double[] ranks = new double[populations.length];
        double cumulative = 0;
        for (int i = 0; i < populations.length; i++) {
            double share = populations[i] / total;
            ranks[i] = cumulative + share / 2;
            cumulative += share;
        }
        return ranks;
    }

    /**
     * SII with a simulated confidence interval using {@link #DEFAULT_REPETITIONS} simulations.
     *
     * @param groupsMostToLeastDeprived at least 2 groups, most deprived first
     * @param scale the sampling scale of the group values
     * @param level the confidence level of the SII limits
     * @param random the source of normal draws; seed it for reproducible limits
     * @return the SII, its limits and the extreme-group values
     */
    public static SlopeIndexResult calculate(List<InequalityGroup> groupsMostToLeastDeprived, IndicatorScale scale,
                                             ConfidenceLevel level, RandomGenerator random) {
        return calculate(groupsMostToLeastDeprived, scale, level, DEFAULT_REPETITIONS, random);
    }

    /**
     * SII with a simulated confidence interval.
     *
     * @param groupsMostToLeastDeprived at least 2 groups, most deprived first
     * @param scale the sampling scale of the group values (RATE needs positive values and limits, PROPORTION
     *     values and limits strictly between 0 and 1)
     * @param level the confidence level of the SII limits
     * @param repetitions number of simulations, at least {@link #MINIMUM_REPETITIONS}
     * @param random the source of normal draws; seed it for reproducible limits
     * @return the SII, its limits and the extreme-group values
     * @throws IllegalArgumentException for fewer than 2 groups, too few repetitions, or values invalid for the scale
     */
    public static SlopeIndexResult calculate(List<InequalityGroup> groupsMostToLeastDeprived, IndicatorScale scale,
                                             ConfidenceLevel level, int repetitions, RandomGenerator random) {
        List<InequalityGroup> groups = requireGroups(groupsMostToLeastDeprived);
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(random, "random");
        if (repetitions < MINIMUM_REPETITIONS) {
            throw new IllegalArgumentException(
                "repetitions must be at least " + MINIMUM_REPETITIONS + ", was " + repetitions);
        }
        int k = groups.size();
        double[] means = new double[k];
        double[] standardErrors = new double[k];
        double z95 = ConfidenceLevel.NINETY_FIVE.z();
        for (int i = 0; i < k; i++) {
            InequalityGroup group = groups.get(i);
            means[i] = transform(group.value(), scale);
            standardErrors[i] = (transform(group.upper95(), scale) - transform(group.lower95(), scale)) / (2 * z95);
        }

        Fit fit = fit(groups);
        double[] observed = values(groups);
        double sii = fit.slope(observed);
        double intercept = fit.intercept(observed, sii);

        double[] simulated = new double[repetitions];
        double[] draw = new double[k];
        for (int r = 0; r < repetitions; r++) {
            for (int i = 0; i < k; i++) {
                draw[i] = backTransform(means[i] + standardErrors[i] * random.nextGaussian(), scale);
            }
            simulated[r] = fit.slope(draw);
        }
        Arrays.sort(simulated);
        double lower = simulated[orderStatisticIndex(repetitions, level.lowerTailProbability())];
        double upper = simulated[orderStatisticIndex(repetitions, level.upperTailProbabilityPoint())];
        return new SlopeIndexResult(sii, lower, upper, level, repetitions, intercept,
            groups.get(0).value(), groups.get(k - 1).value());
    }

    /** 0-based index of PHE's 1-based order statistic round(repetitions * probability), kept within range. */
    private static int orderStatisticIndex(int repetitions, double probability) {
        long position = Math.round(repetitions * probability);
        return (int) Math.min(Math.max(position, 1), repetitions) - 1;
    }

    private static double transform(double value, IndicatorScale scale) {
        return switch (scale) {
            case NORMAL -> value;
            case RATE -> {
                if (!(value > 0)) {
                    throw new IllegalArgumentException(
                        "RATE scale needs positive values and limits (log transform), got " + value);
                }
                yield Math.log(value);
            }
            case PROPORTION -> {
                if (!(value > 0 && value < 1)) {
                    throw new IllegalArgumentException(
                        "PROPORTION scale needs values and limits strictly between 0 and 1 (logit transform), got "
                            + value);
                }
                yield Math.log(value / (1 - value));
            }
        };
    }

    private static double backTransform(double value, IndicatorScale scale) {
        return switch (scale) {
            case NORMAL -> value;
            case RATE -> Math.exp(value);
            case PROPORTION -> 1 / (1 + Math.exp(-value));
        };
    }

    private static List<InequalityGroup> requireGroups(List<InequalityGroup> groups) {
        Objects.requireNonNull(groups, "groups");
        if (groups.size() < 2) {
            throw new IllegalArgumentException(
                "the slope index of inequality needs at least 2 groups, got " + groups.size());
        }
        for (InequalityGroup group : groups) {
            Objects.requireNonNull(group, "group");
        }
        return List.copyOf(groups);
    }

    private static double[] values(List<InequalityGroup> groups) {
        return groups.stream().mapToDouble(InequalityGroup::value).toArray();
    }

    private static Fit fit(List<InequalityGroup> groups) {
        double[] populations = groups.stream().mapToDouble(InequalityGroup::population).toArray();
        double[] ranks = relativeRanks(populations);
        double total = Arrays.stream(populations).sum();
        double[] shares = new double[populations.length];
        double meanRank = 0;
        for (int i = 0; i < populations.length; i++) {
            shares[i] = populations[i] / total;
            meanRank += shares[i] * ranks[i];
        }
        double sumSquares = 0;
        for (int i = 0; i < ranks.length; i++) {
            double deviation = ranks[i] - meanRank;
            sumSquares += shares[i] * deviation * deviation;
        }
        double[] slopeCoefficients = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            slopeCoefficients[i] = shares[i] * (ranks[i] - meanRank) / sumSquares;
        }
        return new Fit(shares, meanRank, slopeCoefficients);
    }

    /** Weighted least squares of y on rank with weights = population shares; slope = sum c_i y_i. */
    private record Fit(double[] shares, double meanRank, double[] slopeCoefficients) {

        double slope(double[] y) {
            double slope = 0;
            for (int i = 0; i < y.length; i++) {
                slope += slopeCoefficients[i] * y[i];
            }
            return slope;
        }

        double intercept(double[] y, double slope) {
            double weightedMean = 0;
            for (int i = 0; i < y.length; i++) {
                weightedMean += shares[i] * y[i];
            }
            return weightedMean - slope * meanRank;
        }
    }
}
