package org.sightline.privacy.suppression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds protected cells that an attacker can prove are small, though not which value they have.
 *
 * <p>Rule 3 (hidden parts of a published total add up to at least the threshold) stops one
 * relation from saying that its hidden cells are small, but several relations together still can:
 * if {@code F|N2 + F|N3 = 8} while {@code F|N2 + M|N2 = 5} and {@code F|N3 + M|N3 = 5}, then
 * {@code M|N2 + M|N3 = 2}, so each is at most 2. This audit does what such an attacker does with
 * pencil and paper: it propagates lower and upper bounds through every relation (a part is at most
 * its total's upper bound minus the other parts' lower bounds, and so on), using only published
 * counts and the facts that counts are whole and non-negative, until nothing tightens. A
 * protected cell whose upper bound ends below the threshold is reported with the published cells
 * that proved it, nearest relation first, so that hiding one of them can undo the proof.
 *
 * <p>It is sound (every bound it proves really holds) but weaker than linear programming, which
 * can combine relations in ways that propagating one relation at a time does not find.
 */
final class UpperBoundAudit {

    /**
     * A protected cell proved smaller than the threshold; the published cells of the nearest
     * relation in the proof that has any, and all published cells the proof used.
     */
    record SmallCount(int cell, List<Integer> nearestPublishedCells, List<Integer> publishedCellsUsed) {
        SmallCount {
            nearestPublishedCells = List.copyOf(nearestPublishedCells);
            publishedCellsUsed = List.copyOf(publishedCellsUsed);
        }
    }

    private static final long UNBOUNDED = Long.MAX_VALUE / 4;
    /** Bounds only move by whole steps; this caps slow back-and-forth between relations. */
    private static final int ROUNDS_PER_RELATION = 64;

    private final IndexedTable table;
    private final boolean[] hidden;
    private final long[] lower;
    private final long[] upper;
    /** The relation that last tightened each bound, or -1. */
    private final int[] lowerCause;
    private final int[] upperCause;

    private UpperBoundAudit(IndexedTable table, boolean[] hidden) {
        this.table = table;
        this.hidden = hidden;
        int size = table.size();
        lower = new long[size];
        upper = new long[size];
        lowerCause = new int[size];
        upperCause = new int[size];
        Arrays.fill(lowerCause, -1);
        Arrays.fill(upperCause, -1);
        for (int cell = 0; cell < size; cell++) {
            lower[cell] = hidden[cell] ? 0 : table.counts[cell];
            upper[cell] = hidden[cell] ? UNBOUNDED : table.counts[cell];
        }
    }

    /** Protected cells whose upper bound is below the threshold, in cell order. */
    static List<SmallCount> provenSmall(IndexedTable table, boolean[] hidden, boolean[] protectedCells, long threshold) {
        return provenSmall(table, hidden, protectedCells, threshold, SuppressionBudget.Meter.unlimited());
    }

    /** As {@link #provenSmall(IndexedTable, boolean[], boolean[], long)}, spending from the meter per relation applied. */
    static List<SmallCount> provenSmall(IndexedTable table, boolean[] hidden, boolean[] protectedCells, long threshold,
                                        SuppressionBudget.Meter meter) {
        UpperBoundAudit audit = new UpperBoundAudit(table, hidden);
        audit.propagate(meter);
        List<SmallCount> small = new ArrayList<>();
        for (int cell = 0; cell < table.size(); cell++) {
            if (protectedCells[cell] && hidden[cell] && audit.upper[cell] < threshold) {
                small.add(audit.proofOf(cell));
            }
        }
        return small;
    }

    private void propagate(SuppressionBudget.Meter meter) {
        TreeSet<Integer> toCheck = new TreeSet<>();
        for (int relation = 0; relation < table.relationCells.length; relation++) {
            for (int cell : table.relationCells[relation]) {
                if (hidden[cell]) {
                    toCheck.add(relation);
                    break;
                }
            }
        }
        long budget = (long) ROUNDS_PER_RELATION * Math.max(1, table.relationCells.length);
        while (!toCheck.isEmpty() && budget-- > 0) {
            int relation = toCheck.pollFirst();
            meter.spend(table.relationCells[relation].length);
            for (int cell : tighten(relation)) {
                for (int other : table.relationsOfCell[cell]) {
                    if (other != relation) {
                        toCheck.add(other);
                    }
                }
            }
        }
    }

    /** Applies one relation to its cells' bounds; returns the cells whose bounds moved. */
    private List<Integer> tighten(int relation) {
        int[] cells = table.relationCells[relation];
        int total = cells[0];
        long partLower = 0;
        long boundedPartUpper = 0;
        int unboundedParts = 0;
        for (int position = 1; position < cells.length; position++) {
            partLower += lower[cells[position]];
            if (upper[cells[position]] >= UNBOUNDED) {
                unboundedParts++;
            } else {
                boundedPartUpper += upper[cells[position]];
            }
        }
        long partUpper = unboundedParts > 0 ? UNBOUNDED : boundedPartUpper;
        List<Integer> moved = new ArrayList<>();
        if (raiseLower(total, partLower, relation) | lowerUpper(total, partUpper, relation)) {
            moved.add(total);
        }
        for (int position = 1; position < cells.length; position++) {
            int part = cells[position];
            long othersLower = partLower - lower[part];
            boolean partUnbounded = upper[part] >= UNBOUNDED;
            long othersUpper = unboundedParts - (partUnbounded ? 1 : 0) > 0
                    ? UNBOUNDED
                    : boundedPartUpper - (partUnbounded ? 0 : upper[part]);
            boolean changed = false;
            if (upper[total] < UNBOUNDED) {
                changed |= lowerUpper(part, upper[total] - othersLower, relation);
            }
            if (othersUpper < UNBOUNDED) {
                changed |= raiseLower(part, lower[total] - othersUpper, relation);
            }
            if (changed) {
                moved.add(part);
            }
        }
        return moved;
    }

    private boolean raiseLower(int cell, long bound, int relation) {
        if (hidden[cell] && bound > lower[cell]) {
            lower[cell] = bound;
            lowerCause[cell] = relation;
            return true;
        }
        return false;
    }

    private boolean lowerUpper(int cell, long bound, int relation) {
        if (hidden[cell] && bound < upper[cell]) {
            upper[cell] = bound;
            upperCause[cell] = relation;
            return true;
        }
        return false;
    }

    /**
     * Walks back from the relation that set the cell's upper bound through the relations that set
     * the bounds it used, collecting published cells in the order they are met.
     */
    private SmallCount proofOf(int cell) {
        List<Integer> published = new ArrayList<>();
        List<Integer> nearest = new ArrayList<>();
        boolean[] seenRelation = new boolean[table.relationCells.length];
        boolean[] seenCell = new boolean[table.size()];
        Deque<Integer> relations = new ArrayDeque<>();
        if (upperCause[cell] >= 0) {
            relations.add(upperCause[cell]);
            seenRelation[upperCause[cell]] = true;
        }
        seenCell[cell] = true;
        while (!relations.isEmpty()) {
            int relation = relations.poll();
            if (nearest.isEmpty()) {
                for (int other : table.relationCells[relation]) {
                    if (!hidden[other]) {
                        nearest.add(other);
                    }
                }
            }
            for (int other : table.relationCells[relation]) {
                if (seenCell[other]) {
                    continue;
                }
                seenCell[other] = true;
                if (!hidden[other]) {
                    published.add(other);
                    continue;
                }
                for (int cause : new int[] {lowerCause[other], upperCause[other]}) {
                    if (cause >= 0 && !seenRelation[cause]) {
                        seenRelation[cause] = true;
                        relations.add(cause);
                    }
                }
            }
        }
        return new SmallCount(cell, nearest, published);
    }
}
