package org.sightline.privacy.tables;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The brute-force reference: weighted least squares over every (leaf, full combination) unknown
 * by the normal equations, {@code x = (A^T W A)^-1 A^T W y}, with covariance {@code (A^T W A)^-1},
 * built from the published measurements alone.
 */
final class DenseLeastSquares {

    private final List<List<Integer>> leavesUnder;
    private final List<int[]> fullCombinations;
    private final int[] leafPosition;
    private final RealVector solution;
    private final RealMatrix covariance;

    DenseLeastSquares(PublicTables tables) {
        GeographyForest forest = tables.forest();
        leavesUnder = Instances.leavesUnder(forest);
        fullCombinations = Instances.fullCombinations(tables.characteristics());
        leafPosition = new int[forest.size()];
        int leaves = 0;
        for (int v = 0; v < forest.size(); v++) {
            leafPosition[v] = forest.isLeaf(v) ? leaves++ : -1;
        }
        int unknowns = leaves * fullCombinations.size();
        double weight = 1 / tables.design().sigmaSquared().doubleValue();
        double[][] normal = new double[unknowns][unknowns];
        double[] rightHandSide = new double[unknowns];
        tables.forEachCell(cell -> {
            if (cell.measurement() == null) {
                return;
            }
            double[] row = row(forest.indexOf(cell.nodeCode()), cell.combination(), unknowns);
            for (int i = 0; i < unknowns; i++) {
                if (row[i] == 0) {
                    continue;
                }
                rightHandSide[i] += weight * row[i] * cell.measurement();
                for (int j = 0; j < unknowns; j++) {
                    normal[i][j] += weight * row[i] * row[j];
                }
            }
        });
        covariance = new LUDecomposition(new Array2DRowRealMatrix(normal)).getSolver().getInverse();
        solution = covariance.operate(new ArrayRealVector(rightHandSide));
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
