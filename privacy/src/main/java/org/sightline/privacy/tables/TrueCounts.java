package org.sightline.privacy.tables;

import java.util.Objects;

/**
 * The confidential input: a non-negative count per (leaf area, full characteristic combination).
 * Cells never set are zero. Built with {@link #builder}; immutable once built.
 */
public final class TrueCounts {

    private final GeographyForest forest;
    private final Characteristics characteristics;
    /** Per node index; null for non-leaves. */
    private final long[][] counts;

    private TrueCounts(GeographyForest forest, Characteristics characteristics, long[][] counts) {
        this.forest = forest;
        this.characteristics = characteristics;
        this.counts = counts;
    }

    public static Builder builder(GeographyForest forest, Characteristics characteristics) {
        return new Builder(forest, characteristics);
    }

    public GeographyForest forest() {
        return forest;
    }

    public Characteristics characteristics() {
        return characteristics;
    }

    /** @throws IllegalArgumentException if the node is not a leaf */
    public long count(int leaf, int fullIndex) {
        return leafRow(leaf)[fullIndex];
    }

    long[] leafRow(int leaf) {
        if (!forest.isLeaf(leaf)) {
            throw new IllegalArgumentException("node " + forest.node(leaf).code() + " is not a leaf");
        }
        return counts[leaf];
    }

    /** Accumulates counts; not thread-safe. */
    public static final class Builder {

        private final GeographyForest forest;
        private final Characteristics characteristics;
        private long[][] counts;

        private Builder(GeographyForest forest, Characteristics characteristics) {
            this.forest = Objects.requireNonNull(forest, "forest");
            this.characteristics = Objects.requireNonNull(characteristics, "characteristics");
            counts = new long[forest.size()][];
            for (int leaf : forest.leaves()) {
                counts[leaf] = new long[characteristics.fullSize()];
            }
        }

        /** Adds {@code count} to the cell of leaf {@code leafCode} with one value per type. */
        public Builder add(String leafCode, int[] values, long count) {
            return add(forest.indexOf(leafCode), characteristics.fullIndex(values), count);
        }

        /**
         * Adds {@code count} to a cell.
         *
         * @throws IllegalArgumentException if the node is not a leaf or the count is negative
         * @throws ArithmeticException if the cell's count overflows a long
         */
        public Builder add(int leaf, int fullIndex, long count) {
            requireBuilding();
            if (count < 0) {
                throw new IllegalArgumentException("counts must be non-negative, was " + count);
            }
            if (leaf < 0 || leaf >= forest.size() || !forest.isLeaf(leaf)) {
                throw new IllegalArgumentException("node " + leaf + " is not a leaf: counts are held at leaves only");
            }
            characteristics.fullValues(fullIndex);
            counts[leaf][fullIndex] = Math.addExact(counts[leaf][fullIndex], count);
            return this;
        }

        public TrueCounts build() {
            requireBuilding();
            TrueCounts built = new TrueCounts(forest, characteristics, counts);
            counts = null;
            return built;
        }

        private void requireBuilding() {
            if (counts == null) {
                throw new IllegalStateException("this builder has already built its counts");
            }
        }
    }
}
