package org.sightline.privacy.tables;

import java.util.Objects;

/**
 * One published cell: an area and a cube combination, with what the public sees and how noisy it is.
 *
 * @param nodeCode the area
 * @param level the area's geography level
 * @param combination the characteristic cell
 * @param released the published value: a non-negative integer, consistent with every other cell
 * @param measurement the noisy measurement of this cell, if its table was measured, else null;
 *     for storage and audit (it is as private as the release), not for display
 * @param estimate the weighted least-squares estimate, before integerisation
 * @param noiseStandardDeviation the exact standard deviation of {@code estimate} around the true
 *     value, from the design (taking each discrete Gaussian's variance as sigma^2, which it never
 *     exceeds and equals to 1e-6 relative once sigma^2 &gt;= 1, to 1e-30 once sigma^2 &gt;= 4)
 */
public record PublicCell(String nodeCode, String level, CubeCombination combination, long released, Long measurement,
        double estimate, double noiseStandardDeviation) {

    public PublicCell {
        Objects.requireNonNull(nodeCode, "nodeCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(combination, "combination");
        if (released < 0) {
            throw new IllegalArgumentException("released values are non-negative, was " + released);
        }
        if (!(noiseStandardDeviation >= 0)) {
            throw new IllegalArgumentException("noise standard deviation must be non-negative, was " + noiseStandardDeviation);
        }
    }

    /** The noise interval around the released value at this confidence level, e.g. 0.95. */
    public NoiseInterval noiseInterval(double confidenceLevel) {
        return NoiseInterval.around(released, noiseStandardDeviation, confidenceLevel);
    }
}
