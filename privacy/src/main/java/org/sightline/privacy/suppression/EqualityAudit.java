package org.sightline.privacy.suppression;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Finds protected cells that an attacker can pin to a single value from the published cells,
 * whatever combination of relations that takes.
 *
 * <p>Checking relations one at a time (at least two hidden cells each) is not enough once a table
 * has several dimensions: rows and columns can cancel out and leave a single hidden cell, as with
 * a hidden cell bridging two otherwise safe rectangles of hidden cells.
 *
 * <p>The question is whether the table can be changed a little, keeping every published count
 * and every relation and no count negative, so that the protected cell changes. A hidden cell
 * with a positive count can move either way; one with a true zero can only go up. The audit holds
 * every hidden zero at zero and lets the other hidden cells move freely, which is exact linear
 * algebra: the relations touching hidden cells are brought to reduced row echelon form over the
 * moving cells, with published cells and held zeros carried along as known terms.
 * <ul>
 *   <li>A moving cell is pinned when its pivot row has no other moving cell in it.</li>
 *   <li>A held zero is pinned when some row with no moving cell left still contains it: no move
 *       of the others can make room for it to rise.</li>
 * </ul>
 * The published cells in the pinning rows are the ones the attacker uses; hiding any of them
 * breaks that route. Holding zeros still can only make the audit stricter than the attacker
 * (moves that raise a zero are not tried), never more lenient: a cell it passes really can move.
 * That holds as long as the table's cells include its finest building blocks, so that a small
 * change to the cells is a change to non-negative finest counts.
 *
 * <p>Arithmetic is exact (integers, rows kept divided by their gcd), so no rounding can hide or
 * invent a recovery.
 */
final class EqualityAudit {

    /** A protected cell that the published cells pin, and the published cells that do it. */
    record Recoverable(int cell, List<Integer> publishedCellsUsed) {
        Recoverable {
            publishedCellsUsed = List.copyOf(publishedCellsUsed);
        }
    }

    private final IndexedTable table;
    private final boolean[] hidden;
    private final boolean[] moving;
    private final SuppressionBudget.Meter meter;
    /**
     * Moving columns keyed by (rows holding them, cell number), smallest first; an entry is pushed
     * whenever a column's row count changes and stale ones are skipped, so picking the next pivot
     * column costs a logarithm instead of a scan of every cell.
     */
    private final PriorityQueue<Long> columnsByRowCount = new PriorityQueue<>();
    private final List<Map<Integer, BigInteger>> rows = new ArrayList<>();
    private final Map<Integer, TreeSet<Integer>> rowsByColumn = new HashMap<>();
    private static final TreeSet<Integer> EMPTY = new TreeSet<>();

    private EqualityAudit(IndexedTable table, boolean[] hidden, SuppressionBudget.Meter meter) {
        this.table = table;
        this.hidden = hidden;
        this.meter = meter;
        this.moving = new boolean[table.size()];
        for (int cell = 0; cell < table.size(); cell++) {
            moving[cell] = hidden[cell] && table.counts[cell] > 0;
        }
    }

    /**
     * @param hidden      the cells the attacker cannot see
     * @param protectedCells the hidden cells that must not be pinned
     * @return the pinned protected cells, in cell order
     */
    static List<Recoverable> recoverable(IndexedTable table, boolean[] hidden, boolean[] protectedCells) {
        return recoverable(table, hidden, protectedCells, SuppressionBudget.Meter.unlimited());
    }

    /** As {@link #recoverable(IndexedTable, boolean[], boolean[])}, spending from the meter as it eliminates. */
    static List<Recoverable> recoverable(IndexedTable table, boolean[] hidden, boolean[] protectedCells,
                                         SuppressionBudget.Meter meter) {
        return new EqualityAudit(table, hidden, meter).run(protectedCells);
    }

    private List<Recoverable> run(boolean[] protectedCells) {
        for (int[] cells : table.relationCells) {
            boolean touchesHidden = false;
            for (int cell : cells) {
                touchesHidden |= hidden[cell];
            }
            if (touchesHidden) {
                // total - parts = 0
                Map<Integer, BigInteger> row = new HashMap<>();
                row.put(cells[0], BigInteger.ONE);
                for (int position = 1; position < cells.length; position++) {
                    row.put(cells[position], BigInteger.ONE.negate());
                }
                addRow(row);
            }
        }
        boolean[] pivoted = new boolean[rows.size()];
        Map<Integer, Integer> pivotRowOfCell = new HashMap<>();
        // Columns in order of fewest rows first (Markowitz), which keeps rows sparse; ties by cell
        // number, so the order depends only on the table.
        boolean[] done = new boolean[table.size()];
        for (int column = 0; column < table.size(); column++) {
            if (moving[column]) {
                columnsByRowCount.add(entry(rowCount(column), column));
            }
        }
        while (true) {
            // Same choice as scanning every column for the fewest rows, lowest cell on ties.
            int cell = -1;
            while (!columnsByRowCount.isEmpty()) {
                long next = columnsByRowCount.poll();
                int column = (int) (next & 0xffffffffL);
                if (!done[column] && (int) (next >>> 32) == rowCount(column)) {
                    cell = column;
                    break;
                }
            }
            if (cell < 0) {
                break;
            }
            meter.spend(1);
            done[cell] = true;
            int pivot = choosePivotRow(cell, pivoted);
            if (pivot < 0) {
                continue;
            }
            pivoted[pivot] = true;
            pivotRowOfCell.put(cell, pivot);
            for (int other : new ArrayList<>(rowsByColumn.getOrDefault(cell, new TreeSet<>()))) {
                if (other != pivot) {
                    eliminate(other, pivot, cell);
                }
            }
        }
        List<Recoverable> recoverable = new ArrayList<>();
        for (int cell = 0; cell < table.size(); cell++) {
            if (!protectedCells[cell]) {
                continue;
            }
            if (moving[cell]) {
                Integer pivot = pivotRowOfCell.get(cell);
                if (pivot != null && onlyMovingCellIn(pivot, cell)) {
                    recoverable.add(new Recoverable(cell, publishedCellsIn(List.of(pivot))));
                }
            } else {
                List<Integer> blocking = new ArrayList<>();
                for (int row : rowsByColumn.getOrDefault(cell, new TreeSet<>())) {
                    if (!pivoted[row]) {
                        blocking.add(row);
                    }
                }
                List<Integer> published = publishedCellsIn(blocking);
                // a row of hidden zeros alone says only that they add up consistently: no pin
                if (!published.isEmpty()) {
                    recoverable.add(new Recoverable(cell, published));
                }
            }
        }
        return recoverable;
    }

    private int rowCount(int column) {
        return rowsByColumn.getOrDefault(column, EMPTY).size();
    }

    private static long entry(int rowCount, int column) {
        return ((long) rowCount << 32) | column;
    }

    /** Queues the column again under its new row count, if it is one the pivot loop still picks from. */
    private void rowCountChanged(int column) {
        if (moving[column]) {
            columnsByRowCount.add(entry(rowCount(column), column));
        }
    }

    private boolean onlyMovingCellIn(int row, int cell) {
        for (int column : rows.get(row).keySet()) {
            if (moving[column] && column != cell) {
                return false;
            }
        }
        return true;
    }

    private List<Integer> publishedCellsIn(List<Integer> rowNumbers) {
        TreeSet<Integer> published = new TreeSet<>();
        for (int row : rowNumbers) {
            for (int column : rows.get(row).keySet()) {
                if (!hidden[column]) {
                    published.add(column);
                }
            }
        }
        return List.copyOf(published);
    }

    /** Of the rows not yet used as pivots, the sparsest one holding the cell; lowest number on ties. */
    private int choosePivotRow(int cell, boolean[] pivoted) {
        int best = -1;
        for (int row : rowsByColumn.getOrDefault(cell, new TreeSet<>())) {
            if (!pivoted[row] && (best < 0 || rows.get(row).size() < rows.get(best).size())) {
                best = row;
            }
        }
        return best;
    }

    /** target := p * target - a * pivot, which clears the column; then divided by its gcd. */
    private void eliminate(int target, int pivot, int column) {
        Map<Integer, BigInteger> targetRow = rows.get(target);
        Map<Integer, BigInteger> pivotRow = rows.get(pivot);
        BigInteger p = pivotRow.get(column);
        BigInteger a = targetRow.get(column);
        meter.spend(targetRow.size() + pivotRow.size());
        Map<Integer, BigInteger> result = new HashMap<>();
        targetRow.forEach((col, value) -> result.put(col, value.multiply(p)));
        pivotRow.forEach((col, value) -> result.merge(col, value.multiply(a).negate(), BigInteger::add));
        result.values().removeIf(value -> value.signum() == 0);
        BigInteger gcd = BigInteger.ZERO;
        for (BigInteger value : result.values()) {
            gcd = gcd.gcd(value);
        }
        if (gcd.compareTo(BigInteger.ONE) > 0) {
            BigInteger divisor = gcd;
            result.replaceAll((col, value) -> value.divide(divisor));
        }
        for (int col : targetRow.keySet()) {
            if (!result.containsKey(col)) {
                rowsByColumn.get(col).remove(target);
                rowCountChanged(col);
            }
        }
        for (int col : result.keySet()) {
            if (!targetRow.containsKey(col)) {
                rowsByColumn.computeIfAbsent(col, ignored -> new TreeSet<>()).add(target);
                rowCountChanged(col);
            }
        }
        rows.set(target, result);
    }

    private void addRow(Map<Integer, BigInteger> row) {
        int number = rows.size();
        rows.add(row);
        for (int column : row.keySet()) {
            rowsByColumn.computeIfAbsent(column, ignored -> new TreeSet<>()).add(number);
        }
    }
}
