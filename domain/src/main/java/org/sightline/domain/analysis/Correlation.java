package org.sightline.domain.analysis;

import java.util.List;

/** Pearson's correlation coefficient of paired values, for scatter plots of two indicators. */
public final class Correlation {

    /** One pair of values. */
    public record Pair(double x, double y) {
    }

    private Correlation() {
    }

    /** @return r in [-1, 1], or null with fewer than three pairs or when either variable is constant */
    public static Double pearson(List<Pair> pairs) {
        int n = pairs.size();
        if (n < 3) {
            return null;
        }
        double meanX = pairs.stream().mapToDouble(Pair::x).average().orElseThrow();
        double meanY = pairs.stream().mapToDouble(Pair::y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (Pair p : pairs) {
            sxy += (p.x() - meanX) * (p.y() - meanY);
            sxx += (p.x() - meanX) * (p.x() - meanX);
            syy += (p.y() - meanY) * (p.y() - meanY);
        }
        if (sxx == 0 || syy == 0) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
