package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One cell of the characteristic cube: for every characteristic type either one of its values
 * ({@code 0..m_t-1}) or {@link #TOTAL}. With every type a value it is a full combination; with
 * every type {@code TOTAL} it is the grand total.
 *
 * <p>Which values exist is a property of {@link Characteristics}, which checks them when it
 * indexes a combination; this record only knows the number of types. Immutable: the array is
 * copied in and out.
 *
 * @param values per type, a value index or {@link #TOTAL}
 */
public record CubeCombination(int[] values) {

    /** Stands for "all values of this type". */
    public static final int TOTAL = -1;

    public CubeCombination {
        Objects.requireNonNull(values, "values");
        values = values.clone();
        for (int t = 0; t < values.length; t++) {
            if (values[t] < TOTAL) {
                throw new IllegalArgumentException("value of type " + t + " must be a value index or TOTAL (-1), was " + values[t]);
            }
        }
    }

    public static CubeCombination of(int... values) {
        return new CubeCombination(values);
    }

    /** Every type {@link #TOTAL}. */
    public static CubeCombination grandTotal(int typeCount) {
        int[] values = new int[typeCount];
        Arrays.fill(values, TOTAL);
        return new CubeCombination(values);
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int typeCount() {
        return values.length;
    }

    /** The value index of this type, or {@link #TOTAL}. */
    public int value(int type) {
        return values[type];
    }

    public boolean isTotal(int type) {
        return values[type] == TOTAL;
    }

    /** The types that have a value rather than a total, ascending: the table this cell belongs to. */
    public List<Integer> types() {
        List<Integer> types = new ArrayList<>();
        for (int t = 0; t < values.length; t++) {
            if (values[t] != TOTAL) {
                types.add(t);
            }
        }
        return List.copyOf(types);
    }

    int subsetMask() {
        int mask = 0;
        for (int t = 0; t < values.length; t++) {
            if (values[t] != TOTAL) {
                mask |= 1 << t;
            }
        }
        return mask;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CubeCombination that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** E.g. {@code [3, *]}: value 3 of type 0, total of type 1. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int t = 0; t < values.length; t++) {
            text.append(t == 0 ? "" : ", ").append(values[t] == TOTAL ? "*" : Integer.toString(values[t]));
        }
        return text.append(']').toString();
    }
}
