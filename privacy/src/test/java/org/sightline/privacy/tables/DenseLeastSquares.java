package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The brute-force reference: weighted least squares over every (leaf, full combination) unknown
 * by the normal equations, {@code x = (A^T W A)^-1 A^T W y}, with covariance {@code (A^T W A)^-1}.
 */
final class DenseLeastSquares {

    /** One measurement: the value of a node's cube cell, with weight 1 / its noise variance. */
    record Row(int node, CubeCombination cell, double value, double weight) {
    }

    private final List<List<Integer>> leavesUnder;
    private final List<int[]> fullCombinations;
    private final int[] leafPosition;
    private final RealVector solution;
    private final RealMatrix covariance;

    DenseLeastSquares(GeographyForest forest, Characteristics characteristics, List<Row> rows) {
        leavesUnder = Instances.leavesUnder(forest);
        fullCombinations = Instances.fullCombinations(characteristics);
        leafPosition = new int[forest.size()];
        int leaves = 0;
        for (int v = 0; v < forest.size(); v++) {
            leafPosition[v] = forest.isLeaf(v) ? leaves++ : -1;
        }
        int unknowns = leaves * fullCombinations.size();
        double[][] normal = new double[unknowns][unknowns];
        double[] rightHandSide = new double[unknowns];
        for (Row measurement : rows) {
            double[] row = row(measurement.node(), measurement.cell(), unknowns);
            for (int i = 0; i < unknowns; i++) {
                if (row[i] == 0) {
                    continue;
                }
                rightHandSide[i] += measurement.weight() * row[i] * measurement.value();
                for (int j = 0; j < unknowns; j++) {
                    normal[i][j] += measurement.weight() * row[i] * row[j];
                }
            }
        }
        covariance = new LUDecomposition(new Array2DRowRealMatrix(normal)).getSolver().getInverse();
        solution = covariance.operate(new ArrayRealVector(rightHandSide));
    }

    /** From the published measurements alone, each weighted by 1 / sigma^2 of the design. */
    static DenseLeastSquares of(PublicTables tables) {
        double weight = 1 / tables.design().sigmaSquared().doubleValue();
        List<Row> rows = new ArrayList<>();
        tables.forEachCell(cell -> {
            if (cell.measurement() != null) {
                rows.add(new Row(tables.forest().indexOf(cell.nodeCode()), cell.combination(), cell.measurement(), weight));
            }
        });
        return new DenseLeastSquares(tables.forest(), tables.characteristics(), rows);
    }

    /** The estimate of a cube cell: the sum of the estimates it covers. */
    double estimate(int node, CubeCombination cell) {
        return new ArrayRealVector(row(node, cell, solution.getDimension())).dotProduct(solution);
    }

    /** a^T (A^T W A)^-1 a for the cube cell's indicator vector a. */
    double variance(int node, CubeCombination cell) {
        RealVector a = new ArrayRealVector(row(node, cell, solution.getDimension()));
        return a.dotProduct(covariance.operate(a));
    }

    private double[] row(int node, CubeCombination cell, int unknowns) {
        double[] row = new double[unknowns];
        for (int leaf : leavesUnder.get(node)) {
            for (int f = 0; f < fullCombinations.size(); f++) {
                if (Instances.matches(cell, fullCombinations.get(f))) {
                    row[leafPosition[leaf] * fullCombinations.size() + f] = 1;
                }
            }
        }
        return row;
    }
}
