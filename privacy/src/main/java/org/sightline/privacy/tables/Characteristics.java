package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The characteristic space of an indicator: k types, type t with {@code m_t >= 1} values (not
 * counting the total).
 *
 * <p>Full combinations (one value per type, {@code prod m_t} of them; exactly one when k = 0) and
 * cube combinations (a value or the total per type, {@code prod (m_t + 1)}) are numbered in
 * row-major order, type 0 most significant, with the total after a type's values in the cube. The
 * numbering is internal to the tables; callers should speak in {@link CubeCombination}s. At most
 * 30 types, as subsets of types are bit masks. Immutable.
 */
public final class Characteristics {

    private static final int MAX_TYPES = 30;

    private final int[] valueCounts;
    private final int[] fullStrides;
    private final int[] cubeStrides;
    private final int fullSize;
    private final int cubeSize;
    private final List<CubeCombination> cubeCombinations;

    private Characteristics(int[] valueCounts) {
        Objects.requireNonNull(valueCounts, "valueCounts");
        if (valueCounts.length > MAX_TYPES) {
            throw new IllegalArgumentException("at most " + MAX_TYPES + " characteristic types, was " + valueCounts.length);
        }
        this.valueCounts = valueCounts.clone();
        int k = valueCounts.length;
        fullStrides = new int[k];
        cubeStrides = new int[k];
        long full = 1;
        long cube = 1;
        for (int t = k - 1; t >= 0; t--) {
            if (valueCounts[t] < 1) {
                throw new IllegalArgumentException("type " + t + " needs at least one value, had " + valueCounts[t]);
            }
            fullStrides[t] = (int) full;
            cubeStrides[t] = (int) cube;
            full *= valueCounts[t];
            cube *= valueCounts[t] + 1;
            if (cube > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("the characteristic cube " + Arrays.toString(valueCounts) + " is too large");
            }
        }
        fullSize = (int) full;
        cubeSize = (int) cube;
        List<CubeCombination> combinations = new ArrayList<>(cubeSize);
        for (int index = 0; index < cubeSize; index++) {
            combinations.add(decodeCube(index));
        }
        cubeCombinations = List.copyOf(combinations);
    }

    /**
     * @param valueCounts m_t per type, each at least 1; none for an indicator without characteristics
     * @throws IllegalArgumentException if a type has no values or the cube is too large to index
     */
    public static Characteristics of(int... valueCounts) {
        return new Characteristics(valueCounts);
    }

    public int typeCount() {
        return valueCounts.length;
    }

    /** m_t: the number of values of a type, not counting its total. */
    public int valueCount(int type) {
        return valueCounts[type];
    }

    public int fullSize() {
        return fullSize;
    }

    public int cubeSize() {
        return cubeSize;
    }

    /**
     * The index of a full combination.
     *
     * @throws IllegalArgumentException unless there is one value, within range, per type
     */
    public int fullIndex(int... values) {
        if (values.length != valueCounts.length) {
            throw new IllegalArgumentException("expected " + valueCounts.length + " values, got " + values.length);
        }
        int index = 0;
        for (int t = 0; t < values.length; t++) {
            if (values[t] < 0 || values[t] >= valueCounts[t]) {
                throw new IllegalArgumentException("value " + values[t] + " of type " + t + " is outside 0.." + (valueCounts[t] - 1));
            }
            index += values[t] * fullStrides[t];
        }
        return index;
    }

    /** The values of full combination {@code index}, one per type. */
    public int[] fullValues(int index) {
        requireIndex(index, fullSize, "full combination");
        int[] values = new int[valueCounts.length];
        for (int t = 0; t < values.length; t++) {
            values[t] = index / fullStrides[t] % valueCounts[t];
        }
        return values;
    }

    /**
     * The index of a cube combination.
     *
     * @throws IllegalArgumentException if it has the wrong number of types or a value out of range
     */
    public int cubeIndex(CubeCombination combination) {
        if (combination.typeCount() != valueCounts.length) {
            throw new IllegalArgumentException("expected a combination of " + valueCounts.length + " types, got " + combination);
        }
        int index = 0;
        for (int t = 0; t < valueCounts.length; t++) {
            int value = combination.value(t);
            if (value >= valueCounts[t]) {
                throw new IllegalArgumentException("value " + value + " of type " + t + " is outside 0.." + (valueCounts[t] - 1));
            }
            index += (value == CubeCombination.TOTAL ? valueCounts[t] : value) * cubeStrides[t];
        }
        return index;
    }

    public CubeCombination cubeCombination(int index) {
        requireIndex(index, cubeSize, "cube combination");
        return cubeCombinations.get(index);
    }

    /** All cube combinations, in index order. */
    public List<CubeCombination> cubeCombinations() {
        return cubeCombinations;
    }

    /** The cube index of the full combination with this index. */
    int cubeIndexOfFull(int fullIndex) {
        int index = 0;
        for (int t = 0; t < valueCounts.length; t++) {
            index += (fullIndex / fullStrides[t] % valueCounts[t]) * cubeStrides[t];
        }
        return index;
    }

    /** The cube index of full combination {@code fullIndex} with the types outside {@code mask} totalled. */
    int cubeIndexOfProjection(int fullIndex, int mask) {
        int index = 0;
        for (int t = 0; t < valueCounts.length; t++) {
            int digit = (mask & (1 << t)) != 0 ? fullIndex / fullStrides[t] % valueCounts[t] : valueCounts[t];
            index += digit * cubeStrides[t];
        }
        return index;
    }

    /** The types with a value (not the total) in cube cell {@code cubeIndex}, as a bit mask. */
    int subsetMaskOfCube(int cubeIndex) {
        int mask = 0;
        for (int t = 0; t < valueCounts.length; t++) {
            if (cubeIndex / cubeStrides[t] % (valueCounts[t] + 1) != valueCounts[t]) {
                mask |= 1 << t;
            }
        }
        return mask;
    }

    /** The frequency class of an index in the Helmert domain: the types whose frequency is a contrast (not 0). */
    int frequencyClass(int fullIndex) {
        int mask = 0;
        for (int t = 0; t < valueCounts.length; t++) {
            if (fullIndex / fullStrides[t] % valueCounts[t] != 0) {
                mask |= 1 << t;
            }
        }
        return mask;
    }

    int fullStride(int type) {
        return fullStrides[type];
    }

    int cubeStride(int type) {
        return cubeStrides[type];
    }

    int grandTotalIndex() {
        return cubeSize - 1;
    }

    /**
     * Marginalises a full-domain vector onto the cube, one type at a time: after type t, every cell
     * with values on the types after t is complete, so the totals of type t+1 can be summed from them.
     */
    long[] cubeOf(long[] full) {
        long[] cube = new long[cubeSize];
        for (int f = 0; f < fullSize; f++) {
            cube[cubeIndexOfFull(f)] = full[f];
        }
        for (int t = 0; t < valueCounts.length; t++) {
            int m = valueCounts[t];
            int stride = cubeStrides[t];
            for (int index = 0; index < cubeSize; index++) {
                if (index / stride % (m + 1) == m) {
                    long sum = 0;
                    for (int v = 0; v < m; v++) {
                        sum = Math.addExact(sum, cube[index - (m - v) * stride]);
                    }
                    cube[index] = sum;
                }
            }
        }
        return cube;
    }

    /** {@link #cubeOf(long[])} in doubles. */
    double[] cubeOf(double[] full) {
        double[] cube = new double[cubeSize];
        for (int f = 0; f < fullSize; f++) {
            cube[cubeIndexOfFull(f)] = full[f];
        }
        for (int t = 0; t < valueCounts.length; t++) {
            int m = valueCounts[t];
            int stride = cubeStrides[t];
            for (int index = 0; index < cubeSize; index++) {
                if (index / stride % (m + 1) == m) {
                    double sum = 0;
                    for (int v = 0; v < m; v++) {
                        sum += cube[index - (m - v) * stride];
                    }
                    cube[index] = sum;
                }
            }
        }
        return cube;
    }

    private CubeCombination decodeCube(int index) {
        int[] values = new int[valueCounts.length];
        for (int t = 0; t < values.length; t++) {
            int digit = index / cubeStrides[t] % (valueCounts[t] + 1);
            values[t] = digit == valueCounts[t] ? CubeCombination.TOTAL : digit;
        }
        return new CubeCombination(values);
    }

    private static void requireIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(what + " index " + index + " is outside 0.." + (size - 1));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Characteristics that && Arrays.equals(valueCounts, that.valueCounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(valueCounts);
    }

    @Override
    public String toString() {
        return "Characteristics" + Arrays.toString(valueCounts);
    }
}
