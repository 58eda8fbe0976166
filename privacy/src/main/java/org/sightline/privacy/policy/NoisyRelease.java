package org.sightline.privacy.policy;

import java.util.ArrayList;
import java.util.List;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.TableCell;
import org.sightline.privacy.noise.ApproximateDp;
import org.sightline.privacy.noise.CellIdentity;
import org.sightline.privacy.noise.ConsistentNoise;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

/**
 * Releases noisy counts: each count and each denominator gets discrete Gaussian noise that is a
 * deterministic function of the server secret and the cell's identity (so repeating a question, or
 * asking an equivalent one, returns the same answer and averaging gains nothing). Then, as free
 * post-processing of the noisy value only: clamp at zero, round to {@code roundingBase}, and
 * withhold noisy values below {@code threshold}. The true value is never consulted after the
 * noise is added, so suppression here leaks nothing.
 */
public final class NoisyRelease implements DisclosurePolicy {

    private static final double DISPLAY_DELTA = 1e-6;

    private final ConsistentNoise noise;
    private final DiscreteGaussian mechanism;
    private final int roundingBase;
    private final int threshold;
    private final String mechanismName;
    private final double rhoPerMeasure;
    private final long halfWidth95;
    /** Standard deviation of a released value around the truth: the noise, plus rounding to the base (uniform, base^2/12). */
    private final double releasedSd;

    public NoisyRelease(ConsistentNoise noise, DiscreteGaussian mechanism, int roundingBase, int threshold) {
        if (roundingBase < 1 || threshold < 0) {
            throw new IllegalArgumentException("rounding base must be at least 1 and threshold not negative");
        }
        this.noise = noise;
        this.mechanism = mechanism;
        this.roundingBase = roundingBase;
        this.threshold = threshold;
        this.mechanismName = "discrete-gaussian(sigma^2=" + mechanism.sigmaSquared() + ")+round(" + roundingBase + ")";
        this.rhoPerMeasure = mechanism.privacyCost(Rational.of(1)).doubleValue();
        this.halfWidth95 = mechanism.halfWidth(0.95);
        this.releasedSd = Math.sqrt(mechanism.sigmaSquared().doubleValue() + (double) roundingBase * roundingBase / 12);
    }

    @Override
    public List<ProtectedCell> protect(List<TableCell> table) {
        List<ProtectedCell> result = new ArrayList<>(table.size());
        for (TableCell cell : table) {
            Long count = noisy(cell.count(), cell.identity(), "count");
            Long denominator = noisy(cell.denominator(), cell.identity(), "denominator");
            int measures = (cell.count() == null ? 0 : 1) + (cell.denominator() == null ? 0 : 1);
            Rho rho = Rho.ofDiscreteGaussian(mechanism.sigmaSquared(), Rational.of(1));
            for (int i = 1; i < measures; i++) {
                rho = rho.plus(Rho.ofDiscreteGaussian(mechanism.sigmaSquared(), Rational.of(1)));
            }
            ApproximateDp dp = rho.toApproximateDp(DISPLAY_DELTA);
            boolean tooSmall = count != null && count < threshold || denominator != null && denominator < threshold;
            if (tooSmall) {
                result.add(new ProtectedCell(null, null, new Disclosure(DisclosureStatus.SUPPRESSED,
                        "noisy value below " + threshold, mechanismName, dp.epsilon(), rho.doubleValue(), null)));
            } else {
                result.add(new ProtectedCell(count, denominator, new Disclosure(DisclosureStatus.NOISED,
                        "differentially private noise, rounded to " + roundingBase + "; 95% of noise within +/-" + halfWidth95
                                + " before rounding (epsilon at delta " + DISPLAY_DELTA + ")",
                        mechanismName, dp.epsilon(), rho.doubleValue(), (double) halfWidth95),
                        count == null ? null : releasedSd, denominator == null ? null : releasedSd));
            }
        }
        return result;
    }

    /** rho charged per noised measure (count or denominator) of one cell. */
    public double rhoPerMeasure() {
        return rhoPerMeasure;
    }

    private Long noisy(Long trueValue, CellIdentity identity, String measure) {
        if (trueValue == null) {
            return null;
        }
        List<String> keys = new ArrayList<>(identity.baseCellKeys());
        keys.add("measure=" + measure);
        long value = trueValue + noise.noiseFor(new CellIdentity(identity.indicatorId(), identity.releaseId(), keys), mechanism);
        long clamped = Math.max(0, value);
        return Math.round((double) clamped / roundingBase) * roundingBase;
    }
}
