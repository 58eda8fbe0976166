package org.sightline.privacy.tables;

/**
 * The exact weighted least-squares estimate of every leaf x full-combination value from noisy
 * marginal measurements of every node, and the exact variance of every cube cell's estimate.
 *
 * <p>Minimises {@code sum (y - Ax)^2 w} in O(nodes x cube size), with no iterative solver:
 * <ol>
 *   <li>In the tensor Helmert basis ({@link Helmert}), the marginal of subset S satisfies
 *       {@code C_S^T C_S = lambda(S, T)} on every frequency of class T (the types whose frequency
 *       is a contrast), with {@code lambda(S, T) = prod_{t not in S} m_t} if T is within S, else 0.
 *       So each node's measurements reduce, with no loss, to one pseudo-measurement per frequency:
 *       {@code c / W} with weight {@code W(T) = sum_S w_S lambda(S, T)}, where c is the Helmert
 *       transform of {@code sum_S w_S C_S^T y_S}; their noise is independent across frequencies
 *       (its covariance is {@code sum_S w_S C_S^T C_S}, diagonal in this basis) and across nodes.</li>
 *   <li>Each frequency is then a tree problem, one pseudo-measurement per node of the sum of the
 *       leaves under it, solved exactly by two passes (Hay et al. 2010, generalised to per-node
 *       variances; the Rauch-Tung-Striebel smoother on a tree): bottom-up, each node combines its
 *       own measurement with the sum of its children's estimates; top-down, the root's estimate is
 *       final and each child is corrected by its share ({@code V_c / S_v}) of its parent's
 *       correction. The same passes give the exact variance {@code P_v(T)} of every node's
 *       estimate, which depends only on the class, since the weights do.</li>
 *   <li>A cube cell q of node v has coefficient weight {@code N(q, T)} on class T (the sum of
 *       its squared Helmert coefficients over the class), so its variance is
 *       {@code sum_{T within S_q} N(q, T) P_v(T)}, with
 *       {@code N = prod_{t in S_q and T} (1 - 1/m_t) prod_{t in S_q not T} (1/m_t) prod_{t not in S_q} m_t}.</li>
 * </ol>
 */
final class TreeLeastSquares {

    /**
     * @param leafEstimates per node index, the estimate of each full combination; null for non-leaves
     * @param cubeEstimates per node index and cube index, the estimate of the cell (sums of leaf estimates)
     * @param varianceBySubset per node index and subset mask, the variance of any cube cell of that subset
     */
    record Solution(double[][] leafEstimates, double[][] cubeEstimates, double[][] varianceBySubset) {
    }

    private TreeLeastSquares() {
    }

    /**
     * @param measurements per node and cube index, the noisy value; read only where the weight of
     *     the cell's subset is positive
     * @param weights per node and subset mask, {@code 1 / variance} of that node's measurements of
     *     that subset, 0 where not measured
     * @throws IllegalArgumentException if a leaf's measurements do not determine all of its cells
     *     (its full table must be measured)
     */
    static Solution solve(GeographyForest forest, Characteristics characteristics, double[][] measurements, double[][] weights) {
        int n = forest.size();
        int k = characteristics.typeCount();
        int classes = 1 << k;
        int size = characteristics.fullSize();
        Helmert helmert = new Helmert(characteristics);

        int[] classOf = new int[size];
        for (int f = 0; f < size; f++) {
            classOf[f] = characteristics.frequencyClass(f);
        }
        double[][] lambda = new double[classes][classes];
        for (int s = 0; s < classes; s++) {
            for (int c = 0; c < classes; c++) {
                lambda[s][c] = lambda(characteristics, s, c);
            }
        }
        int[][] projection = new int[classes][];

        // Pseudo-measurements per node and frequency, and their weights per class.
        double[][] pseudo = new double[n][];
        double[][] weight = new double[n][classes];
        for (int v = 0; v < n; v++) {
            double[] r = new double[size];
            for (int s = 0; s < classes; s++) {
                double w = weights[v][s];
                if (w == 0) {
                    continue;
                }
                if (projection[s] == null) {
                    projection[s] = new int[size];
                    for (int f = 0; f < size; f++) {
                        projection[s][f] = characteristics.cubeIndexOfProjection(f, s);
                    }
                }
                for (int f = 0; f < size; f++) {
                    r[f] += w * measurements[v][projection[s][f]];
                }
                for (int c = 0; c < classes; c++) {
                    weight[v][c] += w * lambda[s][c];
                }
            }
            helmert.forward(r);
            for (int f = 0; f < size; f++) {
                double w = weight[v][classOf[f]];
                // With W = 0 the node says nothing about this frequency (and r is 0 there).
                r[f] = w > 0 ? r[f] / w : 0;
            }
            pseudo[v] = r;
        }

        // Bottom-up: z, V per node; s (sum of children's z) and S (sum of their V) for internal nodes.
        double[][] z = new double[n][];
        double[][] variance = new double[n][classes];
        double[][] childSum = new double[n][];
        double[][] childVariance = new double[n][classes];
        for (int v : forest.bottomUp()) {
            int[] children = forest.childArray(v);
            if (children.length == 0) {
                for (int c = 0; c < classes; c++) {
                    if (weight[v][c] <= 0 && hasFrequencies(characteristics, c)) {
                        throw new IllegalArgumentException("leaf " + forest.node(v).code()
                                + " is not measured finely enough to estimate its cells: measure its full table");
                    }
                    variance[v][c] = 1 / weight[v][c];
                }
                z[v] = pseudo[v];
                continue;
            }
            double[] s = new double[size];
            for (int child : children) {
                for (int f = 0; f < size; f++) {
                    s[f] += z[child][f];
                }
                for (int c = 0; c < classes; c++) {
                    childVariance[v][c] += variance[child][c];
                }
            }
            childSum[v] = s;
            double[] zv = new double[size];
            for (int c = 0; c < classes; c++) {
                double w = weight[v][c];
                double sv = childVariance[v][c];
                variance[v][c] = w > 0 ? 1 / (w + 1 / sv) : sv;
            }
            for (int f = 0; f < size; f++) {
                int c = classOf[f];
                double w = weight[v][c];
                double sv = childVariance[v][c];
                zv[f] = w > 0 ? (pseudo[v][f] * w + s[f] / sv) * variance[v][c] : s[f];
            }
            z[v] = zv;
        }

        // Top-down: final estimates x and their variances P.
        double[][] x = new double[n][];
        double[][] p = new double[n][classes];
        int[] order = forest.bottomUp();
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            if (forest.node(v).isRoot()) {
                x[v] = z[v];
                p[v] = variance[v].clone();
            }
            for (int child : forest.childArray(v)) {
                double[] xc = new double[size];
                for (int f = 0; f < size; f++) {
                    int c = classOf[f];
                    xc[f] = z[child][f] + variance[child][c] / childVariance[v][c] * (x[v][f] - childSum[v][f]);
                }
                x[child] = xc;
                for (int c = 0; c < classes; c++) {
                    double vc = variance[child][c];
                    double sv = childVariance[v][c];
                    double gain = vc / sv;
                    p[child][c] = vc - vc * vc / sv + gain * gain * p[v][c];
                }
            }
        }

        // Back to the value domain at the leaves, then every node's cube from its leaves.
        double[][] leafEstimates = new double[n][];
        double[][] cubeEstimates = new double[n][];
        for (int v : order) {
            int[] children = forest.childArray(v);
            if (children.length == 0) {
                double[] values = x[v].clone();
                helmert.inverse(values);
                leafEstimates[v] = values;
                cubeEstimates[v] = characteristics.cubeOf(values);
            } else {
                double[] cube = new double[characteristics.cubeSize()];
                for (int child : children) {
                    for (int q = 0; q < cube.length; q++) {
                        cube[q] += cubeEstimates[child][q];
                    }
                }
                cubeEstimates[v] = cube;
            }
        }

        double[][] coefficientWeight = new double[classes][classes];
        for (int s = 0; s < classes; s++) {
            for (int c = 0; c < classes; c++) {
                coefficientWeight[s][c] = coefficientWeight(characteristics, s, c);
            }
        }
        double[][] varianceBySubset = new double[n][classes];
        for (int v = 0; v < n; v++) {
            for (int s = 0; s < classes; s++) {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    if (coefficientWeight[s][c] != 0) {
                        sum += coefficientWeight[s][c] * p[v][c];
                    }
                }
                varianceBySubset[v][s] = sum;
            }
        }
        return new Solution(leafEstimates, cubeEstimates, varianceBySubset);
    }

    /** lambda(S, T): the eigenvalue of C_S^T C_S on frequencies of class T. */
    static double lambda(Characteristics characteristics, int subset, int frequencyClass) {
        if ((frequencyClass & ~subset) != 0) {
            return 0;
        }
        double product = 1;
        for (int t = 0; t < characteristics.typeCount(); t++) {
            if ((subset & (1 << t)) == 0) {
                product *= characteristics.valueCount(t);
            }
        }
        return product;
    }

    /** N(q, T) for a cube cell whose valued types are {@code subset}: its squared coefficients summed over class T. */
    static double coefficientWeight(Characteristics characteristics, int subset, int frequencyClass) {
        if ((frequencyClass & ~subset) != 0) {
            return 0;
        }
        double product = 1;
        for (int t = 0; t < characteristics.typeCount(); t++) {
            double m = characteristics.valueCount(t);
            boolean valued = (subset & (1 << t)) != 0;
            boolean contrast = (frequencyClass & (1 << t)) != 0;
            product *= !valued ? m : contrast ? 1 - 1 / m : 1 / m;
        }
        return product;
    }

    /** A class has frequencies unless it contains a type with a single value (which has no contrasts). */
    private static boolean hasFrequencies(Characteristics characteristics, int frequencyClass) {
        for (int t = 0; t < characteristics.typeCount(); t++) {
            if ((frequencyClass & (1 << t)) != 0 && characteristics.valueCount(t) == 1) {
                return false;
            }
        }
        return true;
    }
}
