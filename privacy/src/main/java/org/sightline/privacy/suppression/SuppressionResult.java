package org.sightline.privacy.suppression;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What may be published from a table: the cells to hide, each with its {@link SuppressionReason},
 * and the true counts of all other cells. Cells the table marks unpublished are neither suppressed
 * nor published: they were never on offer.
 *
 * <p>The reason is for the service and the data's steward; see {@link SuppressionReason} on why a
 * public table should not show it.
 */
public final class SuppressionResult {

    private final AdditiveTable table;
    private final SortedMap<String, SuppressedCell> suppressed;
    private final OptionalInt withheldWholeFromLevel;

    /**
     * A pattern found within budget.
     *
     * @throws IllegalArgumentException if a suppressed cell is not in the table, is one of its
     *                                  unpublished or known cells, or is listed twice
     */
    public SuppressionResult(AdditiveTable table, Collection<SuppressedCell> suppressed) {
        this(table, suppressed, OptionalInt.empty());
    }

    /**
     * @param withheldWholeFromLevel when the budget ran out: the coarsest level from which every
     *                               cell (other than known ones) was withheld
     * @throws IllegalArgumentException as {@link #SuppressionResult(AdditiveTable, Collection)}
     */
    public SuppressionResult(AdditiveTable table, Collection<SuppressedCell> suppressed, OptionalInt withheldWholeFromLevel) {
        this.table = Objects.requireNonNull(table, "table");
        this.withheldWholeFromLevel = Objects.requireNonNull(withheldWholeFromLevel, "withheldWholeFromLevel");
        Objects.requireNonNull(suppressed, "suppressed");
        SortedMap<String, SuppressedCell> byKey = new TreeMap<>();
        for (SuppressedCell cell : suppressed) {
            if (!table.contains(cell.key())) {
                throw new IllegalArgumentException("suppressed cell '" + cell.key() + "' is not in the table");
            }
            if (table.isUnpublished(cell.key())) {
                throw new IllegalArgumentException("cell '" + cell.key() + "' is unpublished, so it cannot be suppressed");
            }
            if (table.isKnown(cell.key())) {
                throw new IllegalArgumentException("cell '" + cell.key() + "' is known to the reader, so suppressing it hides nothing");
            }
            if (byKey.put(cell.key(), cell) != null) {
                throw new IllegalArgumentException("cell '" + cell.key() + "' is suppressed twice");
            }
        }
        this.suppressed = Collections.unmodifiableSortedMap(byKey);
    }

    /** The table that was suppressed. */
    public AdditiveTable table() {
        return table;
    }

    /**
     * Empty when the pattern was found within budget; otherwise the coarsest level (as numbered by
     * the caller, larger is finer) from which every cell but known ones was withheld whole.
     */
    public OptionalInt withheldWholeFromLevel() {
        return withheldWholeFromLevel;
    }

    /** Every suppressed cell, in key order. */
    public SortedMap<String, SuppressedCell> suppressedCells() {
        return suppressed;
    }

    /** Whether the cell must not be published. */
    public boolean isSuppressed(String key) {
        return suppressed.containsKey(key);
    }

    /** The suppression of a cell, or empty if the cell may be published. */
    public Optional<SuppressedCell> suppression(String key) {
        return Optional.ofNullable(suppressed.get(key));
    }

    /** The keys of the cells suppressed for the given reason, in key order. */
    public SortedSet<String> keysSuppressedBecause(SuppressionReason reason) {
        SortedSet<String> keys = new TreeSet<>();
        suppressed.values().stream().filter(cell -> cell.reason() == reason).forEach(cell -> keys.add(cell.key()));
        return Collections.unmodifiableSortedSet(keys);
    }

    /** The true counts of the cells that may be published, in key order. */
    public SortedMap<String, Long> publishedCounts() {
        SortedMap<String, Long> published = new TreeMap<>();
        for (Map.Entry<String, Long> cell : table.counts().entrySet()) {
            if (!suppressed.containsKey(cell.getKey()) && !table.isUnpublished(cell.getKey())) {
                published.put(cell.getKey(), cell.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(published);
    }
}
