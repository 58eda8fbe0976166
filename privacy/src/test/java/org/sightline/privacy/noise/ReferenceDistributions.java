package org.sightline.privacy.noise;

import java.util.function.LongToDoubleFunction;

/**
 * The target probability mass functions written straight from their definitions, independently of
 * the samplers: the normalising constant is the two-sided series summed until its terms vanish in
 * double precision (relative error around 1e-15, far below the 1e-3 sampling error of the tests).
 */
final class ReferenceDistributions {

    private ReferenceDistributions() {
    }

    /** P(x) proportional to exp(-|x| / scale). */
    static LongToDoubleFunction discreteLaplace(double scale) {
        return normalised(x -> Math.exp(-Math.abs(x) / scale));
    }

    /** P(x) proportional to exp(-x^2 / (2 sigma^2)). */
    static LongToDoubleFunction discreteGaussian(double sigmaSquared) {
        return normalised(x -> Math.exp(-(double) x * x / (2 * sigmaSquared)));
    }

    private static LongToDoubleFunction normalised(LongToDoubleFunction weight) {
        double total = weight.applyAsDouble(0);
        for (long x = 1; ; x++) {
            double term = weight.applyAsDouble(x) + weight.applyAsDouble(-x);
            total += term;
            if (term < total * 1e-18) {
                break;
            }
        }
        double normaliser = total;
        return x -> weight.applyAsDouble(x) / normaliser;
    }

    /** P(|X| > k) by summing the pmf outward from k + 1. */
    static double twoSidedTail(LongToDoubleFunction pmf, long k) {
        double tail = 0;
        for (long x = k + 1; ; x++) {
            double term = pmf.applyAsDouble(x) + pmf.applyAsDouble(-x);
            tail += term;
            if (term == 0 || term < tail * 1e-18) {
                return tail;
            }
        }
    }
}
