package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EqualityAuditTest {

    @Test
    void findsACellPinnedByCombiningRowsAndColumnsAndNamesThePublishedCellsUsed() {
        AdditiveTable table = SecondarySuppressionTest.grid(new long[][] {
                {3, 4, 20, 30},
                {4, 3, 2, 40},
                {20, 30, 3, 4},
                {30, 20, 4, 3}});
        Set<String> hidden = Set.of("r1c1", "r1c2", "r2c1", "r2c2", "r2c3", "r3c3", "r3c4", "r4c3", "r4c4");

        List<String> pinned = pinnedKeys(table, hidden, hidden);

        assertThat(pinned).containsExactly("r2c3");
        // through either rectangle: rows 1-2 minus columns 1-2, or columns 3-4 minus rows 3-4
        List<String> route = route(table, hidden, hidden, "r2c3");
        assertThat(route).doesNotContainAnyElementsOf(hidden);
        assertThat(route.containsAll(List.of("r1", "r2", "c1", "c2")) || route.containsAll(List.of("r3", "r4", "c3", "c4")))
                .as("route %s goes round one of the rectangles", route)
                .isTrue();
    }

    @Test
    void passesARectangleOfHiddenCells() {
        AdditiveTable table = SecondarySuppressionTest.grid(new long[][] {
                {2, 10, 12},
                {8, 15, 20},
                {9, 30, 11}});
        Set<String> hidden = Set.of("r1c1", "r1c2", "r2c1", "r2c2");

        assertThat(pinnedKeys(table, hidden, hidden)).isEmpty();
    }

    @Test
    void holdsHiddenZerosAtZeroBecauseTheyCanOnlyRise() {
        // a + z1 = t = 3 and a = p + z2 with p = 3: as equations a could be anything (z1 = 3 - a,
        // z2 = a - 3), but z1, z2 >= 0 forces a = 3.
        AdditiveTable table = new AdditiveTable(Map.of("t", 3L, "a", 3L, "z1", 0L, "p", 3L, "z2", 0L),
                List.of(Relation.of("t", "a", "z1"), Relation.of("a", "p", "z2")));
        Set<String> hidden = Set.of("a", "z1", "z2");

        assertThat(pinnedKeys(table, hidden, Set.of("a"))).containsExactly("a");
    }

    @Test
    void findsAHiddenZeroThatCannotRise() {
        AdditiveTable table = new AdditiveTable(Map.of("t", 5L, "z", 0L, "q", 5L),
                List.of(Relation.of("t", "q", "z")));

        assertThat(pinnedKeys(table, Set.of("z"), Set.of("z"))).containsExactly("z");
        assertThat(route(table, Set.of("z"), Set.of("z"), "z")).containsExactly("q", "t");
    }

    @Test
    void doesNotCountAHiddenZeroAsCoverForTheCellBesideIt() {
        // q + z = 5 leaves q anywhere in [0, 5] in principle, but only if z can rise, and an
        // attacker who guesses the usual zero gets q exactly. The audit errs on the safe side.
        AdditiveTable table = new AdditiveTable(Map.of("t", 5L, "z", 0L, "q", 5L),
                List.of(Relation.of("t", "q", "z")));

        assertThat(pinnedKeys(table, Set.of("z", "q"), Set.of("q"))).containsExactly("q");
    }

    @Test
    void passesTwoPositiveHiddenCellsUnderAPublishedTotal() {
        AdditiveTable table = new AdditiveTable(Map.of("t", 9L, "a", 4L, "b", 5L),
                List.of(Relation.of("t", "a", "b")));

        assertThat(pinnedKeys(table, Set.of("a", "b"), Set.of("a", "b"))).isEmpty();
    }

    @Test
    void ignoresPinnedCellsThatNeedNoProtection() {
        AdditiveTable table = new AdditiveTable(Map.of("t", 9L, "a", 4L, "b", 5L),
                List.of(Relation.of("t", "a", "b")));

        assertThat(pinnedKeys(table, Set.of("a"), Set.of())).isEmpty();
        assertThat(pinnedKeys(table, Set.of("a"), Set.of("a"))).containsExactly("a");
    }

    private static List<String> pinnedKeys(AdditiveTable table, Set<String> hidden, Set<String> protectedKeys) {
        IndexedTable indexed = new IndexedTable(table);
        return EqualityAudit.recoverable(indexed, flags(indexed, hidden), flags(indexed, protectedKeys)).stream()
                .map(recoverable -> indexed.keys[recoverable.cell()])
                .toList();
    }

    private static List<String> route(AdditiveTable table, Set<String> hidden, Set<String> protectedKeys, String key) {
        IndexedTable indexed = new IndexedTable(table);
        return EqualityAudit.recoverable(indexed, flags(indexed, hidden), flags(indexed, protectedKeys)).stream()
                .filter(recoverable -> indexed.keys[recoverable.cell()].equals(key))
                .flatMap(recoverable -> recoverable.publishedCellsUsed().stream())
                .map(cell -> indexed.keys[cell])
                .toList();
    }

    private static boolean[] flags(IndexedTable table, Set<String> keys) {
        boolean[] flags = new boolean[table.size()];
        for (int cell = 0; cell < table.size(); cell++) {
            flags[cell] = keys.contains(table.keys[cell]);
        }
        return flags;
    }
}
