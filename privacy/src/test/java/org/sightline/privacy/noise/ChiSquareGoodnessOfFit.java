package org.sightline.privacy.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * Pearson's chi-square goodness-of-fit test of integer samples against a known probability mass
 * function, written out here so the statistical tests depend on nothing but the JDK.
 *
 * <p>Bins: every integer whose expected count is at least {@value #MINIMUM_EXPECTED} gets its own
 * bin; the two tails beyond them are pooled into one bin each (and merged into the neighbouring bin
 * if the pooled tail itself is still too small). No parameter is estimated from the data, so the
 * statistic has {@code bins - 1} degrees of freedom. The p-value is the exact chi-square survival
 * function, {@code Q(df / 2, statistic / 2)}, the regularized upper incomplete gamma function.
 */
final class ChiSquareGoodnessOfFit {

    static final double MINIMUM_EXPECTED = 5.0;

    private ChiSquareGoodnessOfFit() {
    }

    record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    /**
     * @param observed how often each value was drawn
     * @param pmf the probability of each integer; must be unimodal with its mode within
     *     [-searchRadius, searchRadius] so that the bins with enough mass are contiguous
     */
    static Result test(Map<Long, Long> observed, LongToDoubleFunction pmf, long searchRadius) {
        long n = observed.values().stream().mapToLong(Long::longValue).sum();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long x = -searchRadius; x <= searchRadius; x++) {
            if (n * pmf.applyAsDouble(x) >= MINIMUM_EXPECTED) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("no value has an expected count of at least 5 among " + n);
        }
        List<double[]> bins = new ArrayList<>(); // {observed, expected}
        double centralMass = 0;
        for (long x = lo; x <= hi; x++) {
            double p = pmf.applyAsDouble(x);
            centralMass += p;
            bins.add(new double[] {observed.getOrDefault(x, 0L), n * p});
        }
        // The tails' masses come from the central mass rather than summing far-out terms.
        double leftMass = 0;
        for (long x = lo - 1; x >= lo - 100_000; x--) {
            double p = pmf.applyAsDouble(x);
            leftMass += p;
            if (p < 1e-300) {
                break;
            }
        }
        double rightMass = Math.max(0, 1 - centralMass - leftMass);
        long leftObserved = 0;
        long rightObserved = 0;
        for (Map.Entry<Long, Long> e : observed.entrySet()) {
            if (e.getKey() < lo) {
                leftObserved += e.getValue();
            } else if (e.getKey() > hi) {
                rightObserved += e.getValue();
            }
        }
        addTail(bins, 0, leftObserved, n * leftMass);
        addTail(bins, bins.size(), rightObserved, n * rightMass);

        double statistic = 0;
        for (double[] bin : bins) {
            double diff = bin[0] - bin[1];
            statistic += diff * diff / bin[1];
        }
        int df = bins.size() - 1;
        return new Result(statistic, df, survival(statistic, df));
    }

    private static void addTail(List<double[]> bins, int position, long observed, double expected) {
        if (observed == 0 && expected == 0) {
            return;
        }
        if (expected >= MINIMUM_EXPECTED) {
            bins.add(position, new double[] {observed, expected});
        } else {
            double[] neighbour = bins.get(position == 0 ? 0 : bins.size() - 1);
            neighbour[0] += observed;
            neighbour[1] += expected;
        }
    }

    /** P(chi-square with df degrees of freedom > statistic). */
    static double survival(double statistic, int degreesOfFreedom) {
        return regularizedUpperGamma(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /**
     * Q(a, x) = Gamma(a, x) / Gamma(a): the series for P when x < a + 1, Lentz's continued fraction
     * for Q otherwise (each converges fast in its own region; Numerical Recipes section 6.2).
     */
    static double regularizedUpperGamma(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        double logPrefactor = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int k = 1; k < 10_000; k++) {
                term *= x / (a + k);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return 1.0 - sum * Math.exp(logPrefactor);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logPrefactor) * h;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for a > 0. */
    static double logGamma(double a) {
        double[] coefficients = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7
        };
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double z = a - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
