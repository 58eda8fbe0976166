package org.sightline.privacy.tables;

import java.util.PriorityQueue;

/**
 * Turns least-squares estimates into non-negative integers that add up exactly, top-down:
 * each root's total is its estimate rounded (at least 0); each node's integer total is then
 * apportioned among its children, and each leaf's among its full combinations, by
 * {@link #apportion}. Every cube cell released is then a sum of the integer leaf values, so
 * children sum to their parent and values to their total by construction. Working top-down keeps
 * the coarse totals, which have the smallest relative error, as close to their estimates as
 * rounding allows.
 */
final class Integerisation {

    private Integerisation() {
    }

    /**
     * @return per node index, the integer value of each full combination; null for non-leaves
     */
    static long[][] leafValues(GeographyForest forest, Characteristics characteristics, TreeLeastSquares.Solution solution) {
        int n = forest.size();
        int grandTotal = characteristics.grandTotalIndex();
        long[] totals = new long[n];
        long[][] leafValues = new long[n][];
        int[] order = forest.bottomUp();
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            if (forest.node(v).isRoot()) {
                totals[v] = Math.max(0, Math.round(solution.cubeEstimates()[v][grandTotal]));
            }
            int[] children = forest.childArray(v);
            if (children.length == 0) {
                leafValues[v] = apportion(totals[v], solution.leafEstimates()[v]);
                continue;
            }
            double[] estimates = new double[children.length];
            for (int c = 0; c < children.length; c++) {
                estimates[c] = solution.cubeEstimates()[children[c]][grandTotal];
            }
            long[] shares = apportion(totals[v], estimates);
            for (int c = 0; c < children.length; c++) {
                totals[children[c]] = shares[c];
            }
        }
        return leafValues;
    }

    /**
     * Non-negative integers summing to {@code target}, close to {@code estimates}: each estimate
     * rounded (at least 0), then, while the sum is short, one more for the part most under its
     * estimate, and while it is over, one less for the part (above 0) most over its estimate. Ties
     * go to the lower index, so the result is a function of the inputs.
     *
     * @throws IllegalArgumentException if target is negative or there are no parts
     */
    static long[] apportion(long target, double[] estimates) {
        if (target < 0) {
            throw new IllegalArgumentException("target must be non-negative, was " + target);
        }
        if (estimates.length == 0) {
            throw new IllegalArgumentException("nothing to apportion " + target + " among");
        }
        long[] parts = new long[estimates.length];
        long sum = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Math.max(0, Math.round(estimates[i]));
            sum = Math.addExact(sum, parts[i]);
        }
        if (sum < target) {
            PriorityQueue<Integer> queue = new PriorityQueue<>(parts.length, (a, b) -> {
                int byDeficit = Double.compare(estimates[b] - parts[b], estimates[a] - parts[a]);
                return byDeficit != 0 ? byDeficit : Integer.compare(a, b);
            });
            for (int i = 0; i < parts.length; i++) {
                queue.add(i);
            }
            while (sum < target) {
                int i = queue.poll();
                parts[i]++;
                sum++;
                queue.add(i);
            }
        } else if (sum > target) {
            PriorityQueue<Integer> queue = new PriorityQueue<>(parts.length, (a, b) -> {
                int byExcess = Double.compare(parts[b] - estimates[b], parts[a] - estimates[a]);
                return byExcess != 0 ? byExcess : Integer.compare(a, b);
            });
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] > 0) {
                    queue.add(i);
                }
            }
            while (sum > target) {
                // Non-empty: the parts above 0 sum to more than target >= 0.
                int i = queue.poll();
                parts[i]--;
                sum--;
                if (parts[i] > 0) {
                    queue.add(i);
                }
            }
        }
        return parts;
    }
}
