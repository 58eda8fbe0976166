package org.sightline.privacy.noise;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Discrete Gaussian noise: P(x) proportional to exp(-x^2 / (2 sigma^2)) for every integer x.
 *
 * <p>Adding it to an integer query of L2 sensitivity D gives D^2 / (2 sigma^2) zCDP (Canonne,
 * Kamath, Steinke 2020, section 2). Its variance is at most sigma^2 and very close to it once sigma
 * is above about 1.
 *
 * @param sigmaSquared the positive rational variance parameter sigma^2
 */
public record DiscreteGaussian(Rational sigmaSquared) implements NoiseMechanism {

    /** Above this sigma^2 the normalising constant equals sqrt(2 pi) sigma to double precision. */
    private static final double POISSON_SUMMATION_THRESHOLD = 4;

    public DiscreteGaussian {
        Objects.requireNonNull(sigmaSquared, "sigmaSquared");
        if (sigmaSquared.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 of the discrete Gaussian must be positive, was " + sigmaSquared);
        }
    }

    /**
     * The mechanism costing exactly {@code rho} zCDP for a query of the given L2 sensitivity:
     * sigma^2 = D^2 / (2 rho).
     *
     * @throws IllegalArgumentException if rho or the sensitivity is not positive
     */
    public static DiscreteGaussian forRho(Rational rho, Rational l2Sensitivity) {
        if (rho.signum() <= 0) {
            throw new IllegalArgumentException("rho must be positive, was " + rho);
        }
        if (l2Sensitivity.signum() <= 0) {
            throw new IllegalArgumentException("sensitivity must be positive, was " + l2Sensitivity);
        }
        return new DiscreteGaussian(l2Sensitivity.multiply(l2Sensitivity).divide(rho.multiply(Rational.of(2))));
    }

    @Override
    public long sample(RandomGenerator random) {
        return new ExactSampler(random).discreteGaussian(sigmaSquared).longValueExact();
    }

    @Override
    public Rho privacyCost(Rational l2Sensitivity) {
        return Rho.ofDiscreteGaussian(sigmaSquared, requireSensitivity(l2Sensitivity));
    }

    /**
     * Sums the exact probability mass in double precision. The search starts at the sub-Gaussian
     * bound {@code P(|X| > k) <= 2 exp(-(k+1)^2 / (2 sigma^2))}, which is already wide enough, and walks
     * inwards while the tail stays within alpha. For large sigma the result is close to
     * sigma * z_(1 - alpha/2). Work is proportional to sigma.
     */
    @Override
    public long halfWidth(double confidenceLevel) {
        double alpha = 1 - requireConfidenceLevel(confidenceLevel);
        double s2 = sigmaSquared.doubleValue();
        double normaliser = normaliser(s2);
        long k = (long) Math.ceil(Math.sqrt(2 * s2 * Math.log(2 / alpha)));
        double tail = 0;
        for (long x = k + 1; ; x++) {
            double term = 2 * weight(x, s2) / normaliser;
            tail += term;
            if (term == 0 || term < tail * 1e-17) {
                break;
            }
        }
        while (tail > alpha) {
            k++;
            tail -= 2 * weight(k, s2) / normaliser;
        }
        while (k > 0 && tail + 2 * weight(k, s2) / normaliser <= alpha) {
            tail += 2 * weight(k, s2) / normaliser;
            k--;
        }
        return k;
    }

    private static double weight(long x, double sigmaSquared) {
        return Math.exp(-((double) x * x) / (2 * sigmaSquared));
    }

    /**
     * sum over all integers of exp(-x^2 / (2 sigma^2)). By Poisson summation it is sqrt(2 pi sigma^2)
     * (1 + 2 exp(-2 pi^2 sigma^2) + ...); the correction is below 1e-34 once sigma^2 >= 4, and for
     * smaller sigma the series has only a few dozen non-negligible terms.
     */
    private static double normaliser(double sigmaSquared) {
        if (sigmaSquared >= POISSON_SUMMATION_THRESHOLD) {
            return Math.sqrt(2 * Math.PI * sigmaSquared);
        }
        double total = 1;
        for (long x = 1; ; x++) {
            double term = 2 * weight(x, sigmaSquared);
            total += term;
            if (term < total * 1e-17) {
                return total;
            }
        }
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
        return "discrete-gaussian(sigma^2=" + sigmaSquared + ")";
    }
}
