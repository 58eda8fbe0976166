package org.sightline.privacy.tables;

import org.sightline.privacy.noise.DiscreteGaussian;

/**
 * The source of the noise added to each measurement, e.g. {@link org.sightline.privacy.noise.ConsistentNoise}
 * keyed by {@link MeasurementKey#canonicalForm()} and the release, so that publishing a release
 * again gives the same tables. {@link PublicTables#publish} calls it once per measured cell, from
 * one thread, in a fixed order (nodes by index, then tables in design order, then cells in cube
 * order), so an order-dependent seeded source is reproducible too.
 */
@FunctionalInterface
public interface MeasurementNoise {

    /** One draw from {@code mechanism}, to be added to the true value of the cell {@code key}. */
    long noise(MeasurementKey key, DiscreteGaussian mechanism);

    /**
     * Whether {@link #noise} is a thread-safe pure function of its arguments, as keyed
     * {@link org.sightline.privacy.noise.ConsistentNoise} is. If so, {@link PublicTables#publish}
     * draws the measurements of different nodes in parallel, in no fixed order, with the same
     * result: exact draws cost tens of microseconds each and a national release needs hundreds
     * of thousands. Default false.
     */
    default boolean isPureFunctionOfKey() {
        return false;
    }
}
