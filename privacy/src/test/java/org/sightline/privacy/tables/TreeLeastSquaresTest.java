package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The solver on its own, with weights that differ by level and by table and tables left out,
 * which the standard design never produces but the decomposition must handle (W(T) is a
 * weighted sum over the measured subsets).
 */
class TreeLeastSquaresTest {

    private static final int[][] SPACES = {{}, {3}, {2, 3}, {1, 2}, {2, 2, 2}};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void estimatesAndVariancesEqualDenseLeastSquaresWithUnequalWeightsAndMissingTables(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GeographyForest forest = Instances.randomForest(random, 2 + random.nextInt(2));
        Characteristics characteristics = Characteristics.of(SPACES[(int) (seed % SPACES.length)]);
        int subsets = 1 << characteristics.typeCount();
        int full = subsets - 1;
        double[][] levelWeights = new double[forest.levels().size()][subsets];
        for (double[] weights : levelWeights) {
            for (int s = 0; s < subsets; s++) {
                // The full table is always measured (leaves need it); others are dropped a third of the time.
                weights[s] = s != full && random.nextInt(3) == 0 ? 0 : 0.1 + random.nextDouble() * 3;
            }
        }
        double[][] measurements = new double[forest.size()][characteristics.cubeSize()];
        double[][] weights = new double[forest.size()][];
        List<DenseLeastSquares.Row> rows = new ArrayList<>();
        for (int v = 0; v < forest.size(); v++) {
            weights[v] = levelWeights[forest.levels().indexOf(forest.node(v).level())];
            for (int q = 0; q < characteristics.cubeSize(); q++) {
                CubeCombination cell = characteristics.cubeCombination(q);
                double weight = weights[v][cell.subsetMask()];
                if (weight > 0) {
                    measurements[v][q] = random.nextDouble() * 40 - 5;
                    rows.add(new DenseLeastSquares.Row(v, cell, measurements[v][q], weight));
                }
            }
        }

        TreeLeastSquares.Solution solution = TreeLeastSquares.solve(forest, characteristics, measurements, weights);
        DenseLeastSquares dense = new DenseLeastSquares(forest, characteristics, rows);

        for (int v = 0; v < forest.size(); v++) {
            for (int q = 0; q < characteristics.cubeSize(); q++) {
                CubeCombination cell = characteristics.cubeCombination(q);
                double variance = dense.variance(v, cell);
                assertThat(solution.cubeEstimates()[v][q]).as("estimate of node %d %s", v, cell)
                        .isCloseTo(dense.estimate(v, cell), within(1e-9));
                assertThat(solution.varianceBySubset()[v][cell.subsetMask()]).as("variance of node %d %s", v, cell)
                        .isCloseTo(variance, within(1e-9 * variance));
            }
        }
    }

    @Test
    void refusesALeafWhoseFullTableIsNotMeasured() {
        GeographyForest forest = GeographyForest.of(List.of(GeographyNode.root("C", "country"),
                new GeographyNode("W", "ward", 0)));
        Characteristics characteristics = Characteristics.of(2);
        // Weights by subset mask: the totals (mask 0) measured, the breakdown (mask 1) not.
        double[][] onlyTotals = {{1, 0}, {1, 0}};

        assertThatThrownBy(() -> TreeLeastSquares.solve(forest, characteristics, new double[2][3], onlyTotals))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf W");
    }
}
