package org.sightline.privacy.noise;

import java.util.random.RandomGenerator;

/**
 * An additive integer noise distribution with a differential-privacy guarantee, chosen by
 * configuration and applied as {@code released = trueCount + sample(random)}.
 *
 * <p>Implementations are immutable values; all randomness comes from the generator passed to
 * {@link #sample}, so the same generator state always yields the same noise (which is what
 * {@link ConsistentNoise} relies on).
 */
public sealed interface NoiseMechanism permits DiscreteLaplace, DiscreteGaussian {

    /**
     * Draws one noise value exactly from the distribution, consuming bits from {@code random}.
     *
     * @throws ArithmeticException if the draw does not fit in a long, which for any scale that
     *     keeps a count meaningful has probability far below 2^-60
     */
    long sample(RandomGenerator random);

    /**
     * The smallest {@code k >= 0} with {@code P(|noise| > k) <= 1 - confidenceLevel}, from the exact
     * distribution, so that {@code released +/- k} covers the true value with at least that
     * confidence. For display: computed in floating point, never used for sampling.
     *
     * @throws IllegalArgumentException unless {@code 0 < confidenceLevel < 1}
     */
    long halfWidth(double confidenceLevel);

    /**
     * The zCDP cost of one release of a query with the given sensitivity (L1 for the discrete
     * Laplace, L2 for the discrete Gaussian; 1 for a count of people).
     *
     * @throws IllegalArgumentException if the sensitivity is negative
     */
    Rho privacyCost(Rational sensitivity);

    /**
     * A text form that identifies the distribution exactly, e.g. {@code discrete-laplace(scale=1/2)}:
     * equal for equal distributions however their parameters were written, different otherwise.
     */
    String canonicalForm();
}
