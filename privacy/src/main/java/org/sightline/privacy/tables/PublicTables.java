package org.sightline.privacy.tables;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rho;

/**
 * The public's tables of one release: every area x every cube cell, measured once with noise
 * ({@link MeasurementDesign}), estimated by weighted least squares ({@link TreeLeastSquares}) and
 * released as non-negative integers that add up exactly ({@link Integerisation}).
 *
 * <p>Only the measurements touch the true counts; everything after them is post-processing, so the
 * privacy loss of everything here, and of any sum of its cells, is {@link MeasurementDesign#totalRho()}.
 * Immutable.
 */
public final class PublicTables {

    private final MeasurementDesign design;
    private final GeographyForest forest;
    private final Characteristics characteristics;
    /** Per node and cube index. */
    private final long[][] released;
    /** Per node and cube index; only meaningful where {@link #measuredSubset} is true. */
    private final long[][] measurements;
    private final boolean[][] measuredSubset;
    private final double[][] estimates;
    /** Per node and subset mask. */
    private final double[][] standardDeviations;

    private PublicTables(MeasurementDesign design, GeographyForest forest, Characteristics characteristics, long[][] released,
            long[][] measurements, boolean[][] measuredSubset, double[][] estimates, double[][] standardDeviations) {
        this.design = design;
        this.forest = forest;
        this.characteristics = characteristics;
        this.released = released;
        this.measurements = measurements;
        this.measuredSubset = measuredSubset;
        this.estimates = estimates;
        this.standardDeviations = standardDeviations;
    }

    /**
     * Measures, estimates and integerises the public tables of one release, spending exactly
     * {@code rho} under {@link MeasurementDesign#forBudget} for the forest's levels.
     *
     * <p>Cost: one noise draw per measured cell (nodes x cube size when k &lt;= 2; in parallel
     * across nodes if the noise {@linkplain MeasurementNoise#isPureFunctionOfKey() allows}), then
     * O(nodes x cube size x sum of m_t) arithmetic.
     *
     * @param counts the true counts, for this forest and these characteristics
     * @param rho the release's total zCDP budget for the public, positive
     * @param noise the source of every measurement's noise
     * @throws IllegalArgumentException if the counts belong to another forest or characteristic space, or rho is 0
     * @throws ArithmeticException if a true count plus noise overflows a long
     */
    public static PublicTables publish(TrueCounts counts, Rho rho, MeasurementNoise noise) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(noise, "noise");
        GeographyForest forest = counts.forest();
        Characteristics characteristics = counts.characteristics();
        MeasurementDesign design = MeasurementDesign.forBudget(forest.levels(), characteristics.typeCount(), rho);
        int n = forest.size();
        int cubeSize = characteristics.cubeSize();
        int subsets = 1 << characteristics.typeCount();

        long[][] trueCubes = new long[n][];
        for (int v : forest.bottomUp()) {
            int[] children = forest.childArray(v);
            if (children.length == 0) {
                trueCubes[v] = characteristics.cubeOf(counts.leafRow(v));
            } else {
                long[] cube = new long[cubeSize];
                for (int child : children) {
                    for (int q = 0; q < cubeSize; q++) {
                        cube[q] = Math.addExact(cube[q], trueCubes[child][q]);
                    }
                }
                trueCubes[v] = cube;
            }
        }

        // The only step that reads the true counts: one noisy measurement per cell of every measured table.
        DiscreteGaussian mechanism = design.mechanism();
        double weight = design.weight();
        long[][] measurements = new long[n][cubeSize];
        double[][] measurementValues = new double[n][cubeSize];
        double[][] weights = new double[n][subsets];
        boolean[][] measuredSubset = new boolean[n][subsets];
        int[] subsetOfCube = new int[cubeSize];
        for (int q = 0; q < cubeSize; q++) {
            subsetOfCube[q] = characteristics.subsetMaskOfCube(q);
        }
        IntStream nodes = IntStream.range(0, n);
        (noise.isPureFunctionOfKey() ? nodes.parallel() : nodes).forEach(v -> {
            GeographyNode node = forest.node(v);
            for (PublicTable table : design.tables()) {
                if (!table.level().equals(node.level())) {
                    continue;
                }
                int mask = table.subsetMask();
                measuredSubset[v][mask] = true;
                weights[v][mask] = weight;
                for (int q = 0; q < cubeSize; q++) {
                    if (subsetOfCube[q] == mask) {
                        MeasurementKey key = new MeasurementKey(table, node.code(), characteristics.cubeCombination(q));
                        long y = Math.addExact(trueCubes[v][q], noise.noise(key, mechanism));
                        measurements[v][q] = y;
                        measurementValues[v][q] = y;
                    }
                }
            }
        });

        TreeLeastSquares.Solution solution = TreeLeastSquares.solve(forest, characteristics, measurementValues, weights);
        long[][] leafValues = Integerisation.leafValues(forest, characteristics, solution);
        long[][] released = new long[n][];
        for (int v : forest.bottomUp()) {
            int[] children = forest.childArray(v);
            if (children.length == 0) {
                released[v] = characteristics.cubeOf(leafValues[v]);
            } else {
                long[] cube = new long[cubeSize];
                for (int child : children) {
                    for (int q = 0; q < cubeSize; q++) {
                        cube[q] = Math.addExact(cube[q], released[child][q]);
                    }
                }
                released[v] = cube;
            }
        }
        double[][] standardDeviations = new double[n][subsets];
        for (int v = 0; v < n; v++) {
            for (int s = 0; s < subsets; s++) {
                standardDeviations[v][s] = Math.sqrt(solution.varianceBySubset()[v][s]);
            }
        }
        return new PublicTables(design, forest, characteristics, released, measurements, measuredSubset,
                solution.cubeEstimates(), standardDeviations);
    }

    /** The measured tables, their noise and the stated privacy loss. */
    public MeasurementDesign design() {
        return design;
    }

    public GeographyForest forest() {
        return forest;
    }

    public Characteristics characteristics() {
        return characteristics;
    }

    /** The number of cells: nodes x cube size. */
    public int cellCount() {
        return forest.size() * characteristics.cubeSize();
    }

    /** @throws IllegalArgumentException if there is no such node or the combination does not fit the characteristics */
    public PublicCell cell(String nodeCode, CubeCombination combination) {
        return cell(forest.indexOf(nodeCode), characteristics.cubeIndex(combination));
    }

    /** The released integer of a cell, without building a {@link PublicCell}. */
    public long released(String nodeCode, CubeCombination combination) {
        return released[forest.indexOf(nodeCode)][characteristics.cubeIndex(combination)];
    }

    /** Every cell, node by node (in index order), cube cells in index order within a node. */
    public Stream<PublicCell> cells() {
        return IntStream.range(0, forest.size()).boxed()
                .flatMap(v -> IntStream.range(0, characteristics.cubeSize()).mapToObj(q -> cell(v, q)));
    }

    /** {@link #cells()} without a stream. */
    public void forEachCell(Consumer<PublicCell> action) {
        for (int v = 0; v < forest.size(); v++) {
            for (int q = 0; q < characteristics.cubeSize(); q++) {
                action.accept(cell(v, q));
            }
        }
    }

    private PublicCell cell(int v, int q) {
        GeographyNode node = forest.node(v);
        int subset = characteristics.subsetMaskOfCube(q);
        Long measurement = measuredSubset[v][subset] ? measurements[v][q] : null;
        return new PublicCell(node.code(), node.level(), characteristics.cubeCombination(q), released[v][q], measurement,
                estimates[v][q], standardDeviations[v][subset]);
    }
}
