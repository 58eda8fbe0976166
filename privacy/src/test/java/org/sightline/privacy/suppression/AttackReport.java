package org.sightline.privacy.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the attacker managed against one or more published tables: every attacked cell with its
 * interval, grouped by why it was hidden, and a printable summary of the interval widths.
 */
final class AttackReport {

    /** Why an attacked cell was hidden: as reported by the engine, or never published at all. */
    enum Kind { PRIMARY, SECONDARY, UNPUBLISHED_SMALL }

    record AttackedCell(String table, String key, Kind kind, long trueCount, LinearProgrammingAttacker.Interval interval) {
        double width() {
            return interval.width();
        }
    }

    private static final double[] BUCKET_TOPS = {2e-6, 1, 2, 3, 5};
    private static final String[] BUCKET_NAMES = {"0 (pinned)", "(0,1)", "[1,2)", "[2,3)", "[3,5)", ">=5"};

    private final List<AttackedCell> cells = new ArrayList<>();
    private long tables;

    /** Merges another report in; a report built from a single table counts as one table. */
    void add(AttackReport other) {
        cells.addAll(other.cells);
        tables += Math.max(other.tables, 1);
    }

    void add(AttackedCell cell) {
        cells.add(cell);
    }

    List<AttackedCell> cells() {
        return cells;
    }

    List<AttackedCell> cells(Kind kind) {
        return cells.stream().filter(cell -> cell.kind() == kind).toList();
    }

    /**
     * Protected cells (primary, or unpublished and small) whose attacker's upper bound is below
     * the threshold: the attacker cannot say what they are, but can prove they are small.
     */
    List<AttackedCell> provenSmall(long threshold) {
        return cells.stream()
                .filter(cell -> cell.kind() != Kind.SECONDARY)
                .filter(cell -> cell.interval().max() < threshold - 1e-6)
                .toList();
    }

    List<AttackedCell> pinned() {
        return cells.stream().filter(cell -> cell.interval().exact() && cell.interval().isPoint()).toList();
    }

    /** Widths below 5 are exact; at 5 or more the attacker was shown two tables that far apart. */
    String summary(String title, long threshold) {
        StringBuilder text = new StringBuilder(title).append(": ").append(tables).append(" tables, ")
                .append(cells.size()).append(" hidden cells attacked\n");
        Map<Kind, int[]> histogram = new EnumMap<>(Kind.class);
        for (AttackedCell cell : cells) {
            int[] counts = histogram.computeIfAbsent(cell.kind(), ignored -> new int[BUCKET_NAMES.length]);
            int bucket = 0;
            while (bucket < BUCKET_TOPS.length && cell.width() >= BUCKET_TOPS[bucket] - 1e-6) {
                bucket++;
            }
            counts[bucket]++;
        }
        text.append(String.format("  %-18s", "interval width"));
        for (String name : BUCKET_NAMES) {
            text.append(String.format("%12s", name));
        }
        text.append('\n');
        histogram.forEach((kind, counts) -> {
            text.append(String.format("  %-18s", kind));
            for (int count : counts) {
                text.append(String.format("%12d", count));
            }
            text.append('\n');
        });
        text.append(String.format("  protected cells the attacker can prove are below %d: %d%n", threshold,
                provenSmall(threshold).size()));
        cells.stream().min(Comparator.comparingDouble(AttackedCell::width)).ifPresent(worst -> text.append(
                String.format("  narrowest: %s %s (%s, true count %d) in [%.3f, %.3f]%n", worst.table(), worst.key(),
                        worst.kind(), worst.trueCount(), worst.interval().min(), worst.interval().max())));
        return text.toString();
    }
}
