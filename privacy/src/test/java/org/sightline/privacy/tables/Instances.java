package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sightline.privacy.noise.DiscreteGaussian;

/** Small random geographies, counts and noise for the tests, reproducible from a seed. */
final class Instances {

    private Instances() {
    }

    /**
     * A forest of 1-2 roots and {@code depth} levels named level0 (roots) to level{depth-1}; each
     * node below the leaf level has 1-3 children, and now and then a node above it is a leaf
     * anyway, so depth is not uniform.
     */
    static GeographyForest randomForest(SplittableRandom random, int depth) {
        List<GeographyNode> nodes = new ArrayList<>();
        int roots = 1 + random.nextInt(2);
        for (int r = 0; r < roots; r++) {
            grow(random, nodes, GeographyNode.ROOT, 0, depth);
        }
        return GeographyForest.of(nodes);
    }

    private static void grow(SplittableRandom random, List<GeographyNode> nodes, int parent, int level, int depth) {
        int index = nodes.size();
        nodes.add(new GeographyNode("N" + index, "level" + level, parent));
        boolean stopsEarly = level > 0 && random.nextInt(5) == 0;
        if (level == depth - 1 || stopsEarly) {
            return;
        }
        int children = 1 + random.nextInt(3);
        for (int c = 0; c < children; c++) {
            grow(random, nodes, index, level + 1, depth);
        }
    }

    /** Counts with many zeros and small values and the odd larger one. */
    static TrueCounts randomCounts(SplittableRandom random, GeographyForest forest, Characteristics characteristics) {
        TrueCounts.Builder builder = TrueCounts.builder(forest, characteristics);
        for (int leaf : forest.leaves()) {
            for (int f = 0; f < characteristics.fullSize(); f++) {
                int kind = random.nextInt(10);
                long count = kind < 5 ? 0 : kind < 9 ? random.nextInt(5) : random.nextInt(200);
                builder.add(leaf, f, count);
            }
        }
        return builder.build();
    }

    /** Exact discrete Gaussian draws from one seeded stream, in call order. */
    static MeasurementNoise seededNoise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return (key, mechanism) -> mechanism.sample(random);
    }

    /**
     * Rounded continuous Gaussian draws: fast, for sizing tests only (never for a release: see
     * {@link DiscreteGaussian} on why not).
     */
    static MeasurementNoise fastApproximateNoise(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Rational.doubleValue divides BigDecimals: worth remembering across 290,000 draws.
        Map<DiscreteGaussian, Double> sigmas = new HashMap<>();
        return (key, mechanism) -> Math.round(random.nextGaussian()
                * sigmas.computeIfAbsent(mechanism, m -> Math.sqrt(m.sigmaSquared().doubleValue())));
    }

    /** The leaves under (or equal to) each node, found by walking up from every leaf. */
    static List<List<Integer>> leavesUnder(GeographyForest forest) {
        List<List<Integer>> under = new ArrayList<>();
        for (int v = 0; v < forest.size(); v++) {
            under.add(new ArrayList<>());
        }
        for (int v = 0; v < forest.size(); v++) {
            if (!forest.isLeaf(v)) {
                continue;
            }
            for (int a = v; a != GeographyNode.ROOT; a = forest.node(a).parent()) {
                under.get(a).add(v);
            }
        }
        return under;
    }

    /** Every full combination as its values, enumerated independently of {@link Characteristics}' numbering. */
    static List<int[]> fullCombinations(Characteristics characteristics) {
        List<int[]> combinations = new ArrayList<>();
        combinations.add(new int[characteristics.typeCount()]);
        for (int t = 0; t < characteristics.typeCount(); t++) {
            List<int[]> extended = new ArrayList<>();
            for (int[] prefix : combinations) {
                for (int value = 0; value < characteristics.valueCount(t); value++) {
                    int[] next = prefix.clone();
                    next[t] = value;
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    static boolean matches(CubeCombination cell, int[] fullValues) {
        for (int t = 0; t < fullValues.length; t++) {
            if (!cell.isTotal(t) && cell.value(t) != fullValues[t]) {
                return false;
            }
        }
        return true;
    }
}
