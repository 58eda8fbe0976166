package org.sightline.privacy.policy;

import java.util.Objects;
import org.sightline.privacy.Disclosure;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.tables.NoiseInterval;

/**
 * Releases answers that are sums of the public's stored tables of one release
 * ({@link org.sightline.privacy.tables.PublicTables}): post-processing of values drawn once when
 * the release was published, so nothing is drawn here and nothing is charged. The values are
 * released as stored - non-negative integers that add up, never rounded or withheld again, which
 * would break that - with the noise standard deviation of the estimator that produced them, so
 * that intervals can include the noise.
 *
 * <p>The standard deviation of one stored cell is exact. For a sum of several stored cells (a
 * filter with several values, an area made of several of the finest public areas) the sum of
 * their standard deviations is used: an upper bound whatever their correlation, so intervals stay
 * honest, if wider than they need be.
 *
 * @param mechanism what produced the tables, for display
 * @param rho       the public's zCDP loss stated for the release (every table, measure and period)
 * @param epsilon   that loss as (epsilon, delta)-DP, for display
 * @param delta     the delta of {@code epsilon}
 */
public record PublicTableRelease(String mechanism, double rho, double epsilon, double delta) {

    private static final double CONFIDENCE = 0.95;

    public PublicTableRelease {
        Objects.requireNonNull(mechanism, "mechanism");
    }

    /**
     * A sum of stored released cells.
     *
     * @param countSd       sum of the cells' count noise standard deviations (null when no count)
     * @param cellsSummed   how many stored cells were summed
     */
    public record StoredSum(Long count, Long denominator, Double countSd, Double denominatorSd, int cellsSummed) {
    }

    public ProtectedCell release(StoredSum sum) {
        double halfWidth = sum.countSd() == null ? 0 : NoiseInterval.halfWidth(sum.countSd(), CONFIDENCE);
        String reason = "from the public tables drawn once for this release (differentially private noise, made consistent "
                + "by least squares, so parts add up to totals); 95% of the estimator's noise within +/-"
                + String.format("%.1f", halfWidth) + (sum.cellsSummed() > 1 ? " (a bound: the sum of " + sum.cellsSummed()
                + " stored cells)" : "");
        return new ProtectedCell(sum.count(), sum.denominator(),
                new Disclosure(DisclosureStatus.NOISED, reason, mechanism, epsilon, rho, halfWidth),
                sum.countSd(), sum.denominatorSd());
    }
}
