package org.sightline.privacy.tables;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.sightline.privacy.noise.ApproximateDp;
import org.sightline.privacy.noise.DiscreteGaussian;
import org.sightline.privacy.noise.Rational;
import org.sightline.privacy.noise.Rho;

/**
 * Which tables the public's release measures, and how noisily: the stated privacy loss of a release.
 *
 * <p>The design ({@link #forBudget}): every geography level is measured with every characteristic
 * subset in {@link #measuredSubsets(int)}, i.e. all 2^k subsets when k &lt;= 2, and for k &gt;= 3
 * the empty set, each single type and the full set (all subsets would be 2^k tables, each getting
 * a 2^k-th of the budget; the marginals left out are still estimated, from the full table). Each
 * table is a histogram in which one person falls in exactly one cell, so its L2 sensitivity is 1
 * (areas of one level are disjoint; {@link GeographyForest} enforces it). The budget is split
 * equally: every cell of every table gets discrete Gaussian noise with
 * {@code sigma^2 = tables / (2 rho)}, costing {@code 1 / (2 sigma^2) = rho / tables} per table, and
 * the tables compose sequentially to exactly rho.
 *
 * @param tables the measured tables, distinct, non-empty
 * @param sigmaSquared the discrete Gaussian variance parameter of every measured cell
 */
public record MeasurementDesign(List<PublicTable> tables, Rational sigmaSquared) {

    public MeasurementDesign {
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        Objects.requireNonNull(sigmaSquared, "sigmaSquared");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one table");
        }
        if (new HashSet<>(tables).size() != tables.size()) {
            throw new IllegalArgumentException("a table is listed twice: " + tables);
        }
        if (sigmaSquared.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 must be positive, was " + sigmaSquared);
        }
    }

    /**
     * The standard design for these levels and k types, spending exactly {@code rho}.
     *
     * @throws IllegalArgumentException if rho is zero, there are no levels, or k is negative
     */
    public static MeasurementDesign forBudget(List<String> levels, int typeCount, Rho rho) {
        Objects.requireNonNull(rho, "rho");
        if (rho.value().signum() <= 0) {
            throw new IllegalArgumentException("the public tables' budget rho must be positive, was " + rho.value());
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one geography level");
        }
        List<PublicTable> tables = new ArrayList<>();
        for (String level : levels) {
            for (List<Integer> subset : measuredSubsets(typeCount)) {
                tables.add(new PublicTable(level, subset));
            }
        }
        Rational sigmaSquared = Rational.of(tables.size()).divide(Rational.of(2).multiply(rho.value()));
        return new MeasurementDesign(tables, sigmaSquared);
    }

    /**
     * The characteristic subsets measured at every level: all subsets for k &lt;= 2; for k &gt;= 3
     * the empty set, each single type and the full set. Ordered by size, then by type.
     *
     * @throws IllegalArgumentException if k is negative
     */
    public static List<List<Integer>> measuredSubsets(int typeCount) {
        if (typeCount < 0) {
            throw new IllegalArgumentException("number of types must be non-negative, was " + typeCount);
        }
        List<List<Integer>> subsets = new ArrayList<>();
        subsets.add(List.of());
        if (typeCount <= 2) {
            for (int t = 0; t < typeCount; t++) {
                subsets.add(List.of(t));
            }
            if (typeCount == 2) {
                subsets.add(List.of(0, 1));
            }
            return List.copyOf(subsets);
        }
        List<Integer> all = new ArrayList<>();
        for (int t = 0; t < typeCount; t++) {
            subsets.add(List.of(t));
            all.add(t);
        }
        subsets.add(List.copyOf(all));
        return List.copyOf(subsets);
    }

    /** The noise added to every measured cell. */
    public DiscreteGaussian mechanism() {
        return new DiscreteGaussian(sigmaSquared);
    }

    /** The release's total loss, recomputed from the tables: the sum of {@code 1 / (2 sigma^2)} over tables. */
    public Rho totalRho() {
        Rho total = Rho.ZERO;
        for (int i = 0; i < tables.size(); i++) {
            total = total.plus(Rho.ofDiscreteGaussian(sigmaSquared, Rational.ONE));
        }
        return total;
    }

    /** {@link #totalRho()} as (epsilon, delta)-DP, for display. */
    public ApproximateDp approximateDp(double delta) {
        return totalRho().toApproximateDp(delta);
    }

    /** Whether the tables of this level break down by exactly these types (as a bit mask). */
    boolean measures(String level, int subsetMask) {
        for (PublicTable table : tables) {
            if (table.level().equals(level) && table.subsetMask() == subsetMask) {
                return true;
            }
        }
        return false;
    }

    /** The measurement weight {@code 1 / sigma^2} of a measured table. */
    double weight() {
        return 1 / sigmaSquared.doubleValue();
    }
}
