package org.sightline.privacy.noise;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Discrete Laplace noise: P(x) = (1 - q) / (1 + q) * q^|x| with q = exp(-1/scale), for every integer x.
 *
 * <p>Adding it to an integer query of L1 sensitivity D gives pure (D / scale)-differential privacy
 * (Canonne, Kamath, Steinke 2020, section 2), hence (D / scale)^2 / 2 zCDP.
 *
 * @param scale the positive rational scale t; the noise's variance is 2q / (1 - q)^2, about 2 t^2
 */
public record DiscreteLaplace(Rational scale) implements NoiseMechanism {

    public DiscreteLaplace {
        Objects.requireNonNull(scale, "scale");
        if (scale.signum() <= 0) {
            throw new IllegalArgumentException("scale of the discrete Laplace must be positive, was " + scale);
        }
    }

    /**
     * The mechanism giving pure epsilon-DP for a query of the given L1 sensitivity: scale = D / epsilon.
     *
     * @throws IllegalArgumentException if epsilon is not positive or the sensitivity is not positive
     */
    public static DiscreteLaplace forPureDp(Rational epsilon, Rational l1Sensitivity) {
        if (epsilon.signum() <= 0) {
            throw new IllegalArgumentException("epsilon must be positive, was " + epsilon);
        }
        if (l1Sensitivity.signum() <= 0) {
            throw new IllegalArgumentException("sensitivity must be positive, was " + l1Sensitivity);
        }
        return new DiscreteLaplace(l1Sensitivity.divide(epsilon));
    }

    @Override
    public long sample(RandomGenerator random) {
        return new ExactSampler(random).discreteLaplace(scale).longValueExact();
    }

    /** Pure epsilon-DP with epsilon = D / scale, which is epsilon^2 / 2 in zCDP. */
    @Override
    public Rho privacyCost(Rational l1Sensitivity) {
        return Rho.ofPureDp(requireSensitivity(l1Sensitivity).divide(scale));
    }

    /**
     * Uses the exact tail P(|X| > k) = 2 q^(k+1) / (1 + q), so k is the smallest integer with
     * (k + 1) / scale >= ln(2 / (alpha (1 + q))). For large scales this approaches the continuous
     * Laplace bound scale * ln(1 / alpha).
     */
    @Override
    public long halfWidth(double confidenceLevel) {
        double alpha = 1 - requireConfidenceLevel(confidenceLevel);
        double t = scale.doubleValue();
        double log1pQ = Math.log1p(Math.exp(-1 / t));
        long k = Math.max(0, (long) Math.ceil(t * (Math.log(2 / alpha) - log1pQ) - 1));
        // The closed form is evaluated in floating point; settle the boundary on the tail itself.
        while (k > 0 && logTail(k - 1, t, log1pQ) <= Math.log(alpha)) {
            k--;
        }
        while (logTail(k, t, log1pQ) > Math.log(alpha)) {
            k++;
        }
        return k;
    }

    private static double logTail(long k, double t, double log1pQ) {
        return Math.log(2) - (k + 1) / t - log1pQ;
    }

    private static double requireConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException(
                    "confidence level must be strictly between 0 and 1, was " + confidenceLevel);
        }
        return confidenceLevel;
    }

    private static Rational requireSensitivity(Rational sensitivity) {
        if (sensitivity.signum() < 0) {
            throw new IllegalArgumentException("sensitivity must be non-negative, was " + sensitivity);
        }
        return sensitivity;
    }

    @Override
    public String canonicalForm() {
        return "discrete-laplace(scale=" + scale + ")";
    }
}
