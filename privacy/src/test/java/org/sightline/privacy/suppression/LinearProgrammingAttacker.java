package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The adversary of the attack tests. It knows how every cell is built from the finest cells of the
 * table (e.g. ward x sex x need), reads the published counts, and for a hidden cell solves two
 * linear programs over the finest cells, x >= 0 and every published cell equal to the sum of the
 * finest cells it covers, minimising and maximising the hidden cell's sum. The width of that
 * interval is what the attacker cannot know.
 *
 * <p>It shares nothing with the suppression engine: it never sees the engine's relations, only the
 * cells' coverage, which the test builds from the same geography that generated the counts.
 *
 * <p>Before solving, it makes only exact deductions any attacker would: a published cell covering
 * one unknown finest cell gives that cell; a published zero makes every finest cell under it zero.
 * That shrinks the programs without weakening the attack.
 */
public final class LinearProgrammingAttacker {

    private static final double TOLERANCE = 1e-6;

    /**
     * What the attacker can say about a hidden cell: its count lies in [min, max]. When not
     * {@code exact}, min and max are the cell's values in two tables consistent with everything
     * published, so the attacker's real interval is at least this wide.
     */
    public record Interval(double min, double max, boolean exact) {
        Interval(double min, double max) {
            this(min, max, true);
        }

        public double width() {
            return max - min;
        }

        public boolean isPoint() {
            return width() < TOLERANCE;
        }
    }

    private final Map<String, List<String>> coverage;
    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Integer> unknownIndex = new LinkedHashMap<>();
    private final List<LinearConstraint> constraints = new ArrayList<>();
    /** The same equations as {@code a.x <= v}; see {@link #solvePoint}. */
    private final List<LinearConstraint> relaxed = new ArrayList<>();

    /**
     * @param coverage  for every cell key, the finest cells it adds up
     * @param published the published counts (cells missing here are hidden)
     */
    public LinearProgrammingAttacker(Map<String, ? extends Collection<String>> coverage, Map<String, Long> published) {
        this.coverage = new TreeMap<>();
        coverage.forEach((key, finest) -> this.coverage.put(key, List.copyOf(new TreeSet<>(finest))));
        for (String key : published.keySet()) {
            if (!this.coverage.containsKey(key)) {
                throw new IllegalArgumentException("attacker has no coverage for published cell " + key);
            }
        }
        Map<Set<String>, Long> equations = presolve(published);
        Set<String> variables = new TreeSet<>();
        equations.keySet().forEach(variables::addAll);
        for (String variable : variables) {
            unknownIndex.put(variable, unknownIndex.size());
        }
        List<double[]> rows = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (Map.Entry<Set<String>, Long> equation : equations.entrySet()) {
            double[] coefficients = new double[unknownIndex.size()];
            equation.getKey().forEach(variable -> coefficients[unknownIndex.get(variable)] = 1);
            rows.add(coefficients);
            values.add(equation.getValue());
        }
        for (int row = 0; row < rows.size(); row++) {
            constraints.add(new LinearConstraint(rows.get(row), Relationship.EQ, values.get(row)));
            relaxed.add(new LinearConstraint(rows.get(row), Relationship.LEQ, values.get(row)));
        }
    }

    /**
     * The attacker's intervals for many cells at once. Every program solved yields a whole table
     * consistent with what was published, and each such table gives every cell a value; when
     * those values already spread at least {@code exactBelow} apart for a cell, that spread is
     * reported (the real interval is at least as wide) instead of solving two more programs.
     * Narrower cells get their exact interval.
     */
    public Map<String, Interval> attack(Collection<String> keys, double exactBelow) {
        List<double[]> tables = new ArrayList<>();
        Random random = new Random(1);
        for (int start = 0; start < 4 && !unknownIndex.isEmpty(); start++) {
            double[] objective = new double[unknownIndex.size()];
            for (int i = 0; i < objective.length; i++) {
                objective[i] = random.nextDouble() - 0.5;
            }
            tables.add(solvePoint(objective, GoalType.MAXIMIZE));
        }
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (String key : keys) {
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (double[] table : tables) {
                double value = valueIn(key, table);
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
            }
            if (highest - lowest >= exactBelow) {
                intervals.put(key, new Interval(lowest, highest, false));
            } else {
                intervals.put(key, interval(key, tables));
            }
        }
        return intervals;
    }

    private double valueIn(String key, double[] table) {
        double value = 0;
        for (String variable : coverage.get(key)) {
            Long known = this.known.get(variable);
            if (known != null) {
                value += known;
            } else {
                Integer index = unknownIndex.get(variable);
                value += index == null ? 0 : table[index];
            }
        }
        return value;
    }

    /** The tightest interval for the cell's count that the published cells allow. */
    Interval interval(String key) {
        return interval(key, new ArrayList<>());
    }

    /** As {@link #interval(String)}, adding the two extreme tables it finds to {@code tables}. */
    private Interval interval(String key, List<double[]> tables) {
        List<String> finest = coverage.get(key);
        if (finest == null) {
            throw new IllegalArgumentException("attacker has no coverage for " + key);
        }
        long knownPart = 0;
        double[] objective = new double[unknownIndex.size()];
        boolean anyUnknown = false;
        for (String variable : finest) {
            Long value = known.get(variable);
            if (value != null) {
                knownPart += value;
            } else {
                Integer index = unknownIndex.get(variable);
                if (index == null) {
                    // in no equation at all: unbounded above
                    return new Interval(knownPart, Double.POSITIVE_INFINITY);
                }
                objective[index] = 1;
                anyUnknown = true;
            }
        }
        if (!anyUnknown) {
            return new Interval(knownPart, knownPart);
        }
        double[] lowest = solvePoint(objective, GoalType.MINIMIZE);
        double[] highest = solvePoint(objective, GoalType.MAXIMIZE);
        tables.add(lowest);
        tables.add(highest);
        return new Interval(knownPart + dot(objective, lowest), knownPart + dot(objective, highest));
    }

    private static double dot(double[] left, double[] right) {
        double sum = 0;
        for (int i = 0; i < left.length; i++) {
            sum += left[i] * right[i];
        }
        return sum;
    }

    /**
     * Solves the program in a form commons-math3's simplex handles reliably. Given equality
     * constraints it needs artificial variables, and when one of those is still basic (at zero)
     * after phase 1, phase 2 can move it and return a point that breaks the equalities; that was
     * seen here on these degenerate, redundant systems with both pivoting rules. So each equality
     * {@code a.x = v} becomes {@code a.x <= v} (only slack variables, x = 0 is a feasible start)
     * plus an exact penalty {@code penalty * (v - a.x)} in the objective. Whenever the optimum of
     * the penalised program meets every equality it is also optimal for the original one (the
     * penalty is zero there and the penalised program is a relaxation); otherwise the penalty is
     * raised. Points are checked, never trusted. Dantzig's rule is tried first for speed; Bland's,
     * which cannot cycle, if it fails.
     */
    private double[] solvePoint(double[] objective, GoalType goal) {
        double sign = goal == GoalType.MAXIMIZE ? 1 : -1;
        for (double penalty = 64; penalty <= 1e7; penalty *= 8) {
            double[] penalised = new double[objective.length];
            for (int i = 0; i < objective.length; i++) {
                penalised[i] = sign * objective[i];
            }
            for (LinearConstraint constraint : constraints) {
                double[] coefficients = constraint.getCoefficients().toArray();
                for (int i = 0; i < coefficients.length; i++) {
                    penalised[i] += penalty * coefficients[i];
                }
            }
            for (PivotSelectionRule rule : PivotSelectionRule.values()) {
                double[] point;
                try {
                    point = new SimplexSolver().optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(penalised, 0),
                            new LinearConstraintSet(relaxed),
                            GoalType.MAXIMIZE,
                            new NonNegativeConstraint(true),
                            rule).getPoint();
                } catch (TooManyIterationsException cycling) {
                    continue;
                }
                if (meetsEveryEquality(point)) {
                    return point;
                }
            }
        }
        throw new IllegalStateException("no penalty made the simplex meet the published counts; the attack is unreliable");
    }

    private boolean meetsEveryEquality(double[] point) {
        for (double value : point) {
            if (value < -TOLERANCE) {
                return false;
            }
        }
        for (LinearConstraint constraint : constraints) {
            double[] coefficients = constraint.getCoefficients().toArray();
            double lhs = 0;
            for (int i = 0; i < point.length; i++) {
                lhs += coefficients[i] * point[i];
            }
            if (Math.abs(lhs - constraint.getValue()) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    /**
     * Exact deductions until none is left; returns the remaining equations (set of unknown finest
     * cells -> their sum), one per distinct set.
     */
    private Map<Set<String>, Long> presolve(Map<String, Long> published) {
        List<Set<String>> sets = new ArrayList<>();
        List<Long> sums = new ArrayList<>();
        published.forEach((key, value) -> {
            sets.add(new LinkedHashSet<>(coverage.get(key)));
            sums.add(value);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < sets.size(); i++) {
                Set<String> unknown = sets.get(i);
                long remaining = sums.get(i);
                for (var iterator = unknown.iterator(); iterator.hasNext(); ) {
                    Long value = known.get(iterator.next());
                    if (value != null) {
                        remaining -= value;
                        iterator.remove();
                    }
                }
                sums.set(i, remaining);
                if (unknown.isEmpty()) {
                    continue;
                }
                if (remaining == 0 || unknown.size() == 1) {
                    long value = unknown.size() == 1 ? remaining : 0;
                    for (String variable : unknown) {
                        known.put(variable, value);
                    }
                    unknown.clear();
                    changed = true;
                }
            }
        }
        Map<Set<String>, Long> equations = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            if (!sets.get(i).isEmpty()) {
                equations.put(new TreeSet<>(sets.get(i)), sums.get(i));
            }
        }
        return equations;
    }
}
