package org.sightline.domain.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * Where a value stands within one set of values, read in a chosen direction: rank 1 is the first
 * value in that direction, ties share a rank and the next rank skips ("1, 2, 2, 4"), and the
 * quintile is ceil(5 * rank / number of values). Need ranking and quintile comparison both place
 * areas with this one class, so they cannot disagree about where an area stands.
 * <p>
 * Missing values (null or NaN: withheld or absent cells) are never added and get no rank and no
 * quintile, so nothing is ever placed by a hidden value. Values are kept as primitives, so a set
 * of many thousands of areas stays small. Not thread-safe: add every value, then read.
 */
public final class RankedValues {

    /** Which end of the scale holds rank 1. */
    public enum Direction { LOWEST_FIRST, HIGHEST_FIRST }

    private final Direction direction;
    private double[] values = new double[16];
    private int size;
    private boolean sorted = true;

    public RankedValues(Direction direction) {
        this.direction = java.util.Objects.requireNonNull(direction, "direction");
    }

    public static RankedValues of(Collection<Double> values, Direction direction) {
        RankedValues ranked = new RankedValues(direction);
        values.forEach(ranked::add);
        return ranked;
    }

    /** Adds a value to the set; a missing value is ignored. */
    public void add(Double value) {
        if (isMissing(value)) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
        sorted = false;
    }

    /** How many values were added (missing ones not counted). */
    public int size() {
        return size;
    }

    /**
     * @return 1 + the number of values strictly ahead of {@code value}; null when it is missing
     * @throws IllegalArgumentException if a present value was never added: a rank among values it is not one of means nothing
     */
    public Integer rank(Double value) {
        if (isMissing(value)) {
            return null;
        }
        sort();
        int below = firstIndexNotBelow(value);
        if (below == size || Double.compare(values[below], value) != 0) {
            throw new IllegalArgumentException(value + " is not one of the ranked values");
        }
        int ahead = direction == Direction.LOWEST_FIRST ? below : size - firstIndexAbove(value);
        return ahead + 1;
    }

    /** @return ceil(5 * rank / size), from 1 (first fifth) to 5; null when the value is missing */
    public Integer quintile(Double value) {
        Integer rank = rank(value);
        return rank == null ? null : (int) Math.ceil(5.0 * rank / size);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }

    /** The index of the first value that is not below {@code value} (Double.compare order). */
    private int firstIndexNotBelow(double value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(values[mid], value) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The index of the first value above {@code value}. */
    private int firstIndexAbove(double value) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(values[mid], value) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean isMissing(Double value) {
        return value == null || value.isNaN();
    }
}
