package org.sightline.privacy.noise;

/**
 * An (epsilon, delta)-differential-privacy guarantee, for showing people a budget in the units
 * they know. Derived from {@link Rho}; never summed (use rho for accounting).
 *
 * @param epsilon non-negative
 * @param delta strictly between 0 and 1
 */
public record ApproximateDp(double epsilon, double delta) {

    public ApproximateDp {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and non-negative, was " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be strictly between 0 and 1, was " + delta);
        }
    }
}
