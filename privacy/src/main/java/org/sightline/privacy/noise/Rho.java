package org.sightline.privacy.noise;

import java.util.Objects;

/**
 * A privacy cost in zero-concentrated differential privacy (rho-zCDP, Bun and Steinke, "Concentrated
 * Differential Privacy: Simplifications, Extensions, and Lower Bounds", TCC 2016).
 *
 * <p>Costs of releases on the same data add up ({@link #plus}), and the sum is kept as an exact
 * rational so a ledger never drifts from rounding. Immutable.
 *
 * @param value rho, non-negative
 */
public record Rho(Rational value) implements Comparable<Rho> {

    public static final Rho ZERO = new Rho(Rational.ZERO);

    private static final Rational TWO = Rational.of(2);

    public Rho {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("rho must be non-negative, was " + value);
        }
    }

    /**
     * Pure epsilon-DP implies (epsilon^2 / 2)-zCDP (Bun and Steinke 2016, Proposition 1.4).
     *
     * @throws IllegalArgumentException if epsilon is negative
     */
    public static Rho ofPureDp(Rational epsilon) {
        if (epsilon.signum() < 0) {
            throw new IllegalArgumentException("epsilon must be non-negative, was " + epsilon);
        }
        return new Rho(epsilon.multiply(epsilon).divide(TWO));
    }

    /**
     * The discrete Gaussian with variance parameter sigma^2 on a query of L2 sensitivity D is
     * (D^2 / (2 sigma^2))-zCDP (Canonne, Kamath, Steinke 2020, section 2).
     *
     * @throws IllegalArgumentException if sigma^2 is not positive or D is negative
     */
    public static Rho ofDiscreteGaussian(Rational sigmaSquared, Rational l2Sensitivity) {
        if (sigmaSquared.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 must be positive, was " + sigmaSquared);
        }
        if (l2Sensitivity.signum() < 0) {
            throw new IllegalArgumentException("sensitivity must be non-negative, was " + l2Sensitivity);
        }
        return new Rho(l2Sensitivity.multiply(l2Sensitivity).divide(sigmaSquared.multiply(TWO)));
    }

    /** Sequential composition: running rho1- and rho2-zCDP releases on the same data is (rho1 + rho2)-zCDP. */
    public Rho plus(Rho other) {
        return new Rho(value.add(other.value));
    }

    public Rho minus(Rho other) {
        return new Rho(value.subtract(other.value));
    }

    /**
     * The (epsilon, delta)-DP guarantee implied by this rho, for display:
     * epsilon = rho + 2 sqrt(rho ln(1/delta)) (Bun and Steinke 2016, Proposition 1.3). This is the
     * simple bound; it overstates epsilon slightly compared with the optimal conversion (Canonne,
     * Kamath, Steinke 2020, section 2), which errs on the side of telling users they spent more.
     *
     * @throws IllegalArgumentException unless {@code 0 < delta < 1}
     */
    public ApproximateDp toApproximateDp(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be strictly between 0 and 1, was " + delta);
        }
        double rho = value.doubleValue();
        return new ApproximateDp(rho + 2 * Math.sqrt(rho * Math.log(1 / delta)), delta);
    }

    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public int compareTo(Rho other) {
        return value.compareTo(other.value);
    }
}
