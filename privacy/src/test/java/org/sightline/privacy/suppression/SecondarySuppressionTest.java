package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecondarySuppressionTest {

    private static final SuppressionRule FEWER_THAN_5 = SuppressionRule.threshold(5);

    private final SecondarySuppression suppression = new SecondarySuppression();

    @Nested
    class PrimarySuppression {

        @Test
        void suppressesEveryCountFromOneToBelowTheThreshold() {
            AdditiveTable table = oneDimensional(Map.of("a", 1L, "b", 4L, "c", 5L, "d", 20L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("a", "b");
            assertThat(result.suppression("a")).hasValueSatisfying(cell -> {
                assertThat(cell.reason()).isEqualTo(SuppressionReason.PRIMARY);
                assertThat(cell.explanation()).isEqualTo("fewer than 5");
            });
        }

        @Test
        void publishesTrueZerosByDefault() {
            AdditiveTable table = new AdditiveTable(Map.of("zero", 0L, "big", 9L), List.of());

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells()).isEmpty();
            assertThat(result.publishedCounts()).containsEntry("zero", 0L).containsEntry("big", 9L);
        }

        @Test
        void suppressesZerosWhenTheRuleSaysSo() {
            AdditiveTable table = new AdditiveTable(Map.of("zero", 0L, "big", 9L), List.of());

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5.suppressingZeros());

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("zero");
        }

        @Test
        void leavesATableWithoutSmallCountsUntouched() {
            AdditiveTable table = oneDimensional(Map.of("a", 5L, "b", 0L, "c", 12L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells()).isEmpty();
            assertThat(result.publishedCounts()).hasSize(4).containsEntry("total", 17L);
        }
    }

    @Nested
    class OneDimensionWithATotal {

        @Test
        void suppressesCellsThatCouldBeRecoveredFromTheTotal() {
            AdditiveTable table = oneDimensional(Map.of("a", 3L, "b", 7L, "c", 10L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("a", "b");
            assertThat(result.suppression("b")).hasValueSatisfying(cell -> {
                assertThat(cell.reason()).isEqualTo(SuppressionReason.SECONDARY);
                assertThat(cell.explanation()).isEqualTo("suppressed to protect another cell in the same total");
            });
        }

        @Test
        void choosesTheSmallestNonZeroCellAsTheComplement() {
            AdditiveTable table = oneDimensional(Map.of("a", 2L, "b", 0L, "c", 30L, "d", 8L, "e", 9L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("a", "d");
        }

        @Test
        void suppressesMoreWhenTheHiddenCellsWouldAddUpToLessThanTheThreshold() {
            // 1 + 2 = 3: total minus the published parts would say the hidden pair is tiny.
            AdditiveTable table = oneDimensional(Map.of("a", 1L, "b", 2L, "c", 9L, "d", 12L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("a", "b");
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).containsExactly("c");
        }

        @Test
        void acceptsTwoSmallCellsThatTogetherReachTheThreshold() {
            AdditiveTable table = oneDimensional(Map.of("a", 2L, "b", 3L, "c", 9L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("a", "b");
        }

        @Test
        void breaksTiesBetweenEqualComplementsByKey() {
            AdditiveTable table = oneDimensional(Map.of("a", 2L, "y", 8L, "x", 8L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("a", "x");
        }

        @Test
        void treatsTwoNamesForTheSameAreaAsOneCell() {
            // A custom area made of exactly the same units as a ward: equal by a one-part relation.
            AdditiveTable table = new AdditiveTable(
                    Map.of("ward", 3L, "custom-area", 3L, "other", 20L, "district", 23L),
                    List.of(Relation.of("custom-area", "ward"), Relation.of("district", "ward", "other")));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("custom-area", "ward");
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).containsExactly("other");
        }
    }

    @Nested
    class TwoDimensionsWithRowColumnAndGrandTotals {

        @Test
        void suppressesARectangleAroundASingleSmallCell() {
            AdditiveTable table = grid(new long[][] {
                    {2, 10, 12},
                    {8, 15, 20},
                    {9, 30, 11}});

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("r1c1");
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY))
                    .containsExactly("r1c2", "r2c1", "r2c2");
        }

        @Test
        void suppressesMoreWhenAPrimaryCellIsABridgeBetweenTwoSuppressedRectangles() {
            // Every row and column with a hidden cell has at least two, adding up to 5 or more, yet
            // r2c3 = (r1 + r2 hidden) - (c1 + c2 hidden): the rows and columns of the left rectangle
            // cancel out and leave only the bridge.
            AdditiveTable table = grid(new long[][] {
                    {3, 4, 20, 30},
                    {4, 3, 2, 40},
                    {20, 30, 3, 4},
                    {30, 20, 4, 3}});

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY))
                    .containsExactly("r1c1", "r1c2", "r2c1", "r2c2", "r2c3", "r3c3", "r3c4", "r4c3", "r4c4");
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).isNotEmpty();
            LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(gridCoverage(4, 4), result.publishedCounts());
            assertThat(attacker.interval("r2c3").width()).isGreaterThanOrEqualTo(1.0);
            assertThat(result.suppressedCells().keySet())
                    .allSatisfy(key -> assertThat(attacker.interval(key).width()).as(key).isGreaterThan(0.5));
        }

        @Test
        void suppressesMoreWhenSeveralTotalsTogetherProveHiddenCellsAreSmall() {
            // Rows and columns each pass rules 2 and 3, yet r2c2 + r2c3 = (c2 + c3) - r1 = 2.
            AdditiveTable table = grid(UpperBoundAuditTest.TWO_SMALL_CELLS_BOUND_BY_THREE_TOTALS);

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY))
                    .containsExactlyInAnyOrderElementsOf(UpperBoundAuditTest.SMALL_CELLS_HIDDEN);
            LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(gridCoverage(2, 4), result.publishedCounts());
            assertThat(attacker.interval("r2c2").max()).isGreaterThanOrEqualTo(5.0 - 1e-6);
            assertThat(attacker.interval("r2c3").max()).isGreaterThanOrEqualTo(5.0 - 1e-6);
        }

        @Test
        void neverLeavesARelationWithExactlyOneHiddenCell() {
            AdditiveTable table = grid(new long[][] {
                    {1, 0, 0},
                    {0, 7, 30},
                    {2, 40, 0}});

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertEveryRelationIsProtected(table, result, FEWER_THAN_5);
        }
    }

    @Nested
    class TwoLevelHierarchy {

        @Test
        void suppressesCellsThatCouldBeRecoveredFromTheDistrictTotal() {
            AdditiveTable table = hierarchy(Map.of("w1", 3L, "w2", 12L, "w3", 10L, "w4", 20L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("w1", "w2");
        }

        @Test
        void suppressesASiblingDistrictWhenADistrictTotalIsSmall() {
            // d1 = 3 is itself primary; with the region published, d2 = region - d1 would be exact.
            AdditiveTable table = hierarchy(Map.of("w1", 3L, "w2", 0L, "w3", 10L, "w4", 20L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("d1", "w1");
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).contains("d2");
        }

        @Test
        void protectsASuppressedDistrictInsideItsOwnBreakdown() {
            AdditiveTable table = hierarchy(Map.of("w1", 3L, "w2", 0L, "w3", 10L, "w4", 20L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            // d2 hidden and both its wards published would give d2 = w3 + w4 back.
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).containsExactly("d2", "w3");
            assertEveryRelationIsProtected(table, result, FEWER_THAN_5);
        }

        @Test
        void prefersWardsOverTheDistrictTotal() {
            AdditiveTable table = hierarchy(Map.of("w1", 3L, "w2", 40L, "w3", 10L, "w4", 20L));

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).containsExactly("w1", "w2");
        }
    }

    @Nested
    class OverlappingAreas {

        /**
         * A district split two ways: wards w1 = p1 + p2 and w2 = p3; MSOAs m1 = p1 and m2 = p2 + p3.
         * The intersections p1..p3 are unpublished.
         */
        private AdditiveTable district(long p1, long p2, long p3) {
            Map<String, Long> counts = new TreeMap<>(Map.of("p1", p1, "p2", p2, "p3", p3));
            counts.put("w1", p1 + p2);
            counts.put("w2", p3);
            counts.put("m1", p1);
            counts.put("m2", p2 + p3);
            counts.put("district", p1 + p2 + p3);
            return new AdditiveTable(counts, List.of(
                    Relation.of("w1", "p1", "p2"), Relation.of("w2", "p3"),
                    Relation.of("m1", "p1"), Relation.of("m2", "p2", "p3"),
                    Relation.of("district", "w1", "w2"), Relation.of("district", "m1", "m2")),
                    List.of("p1", "p2", "p3"));
        }

        private final Map<String, List<String>> coverage = Map.of(
                "p1", List.of("p1"), "p2", List.of("p2"), "p3", List.of("p3"),
                "w1", List.of("p1", "p2"), "w2", List.of("p3"),
                "m1", List.of("p1"), "m2", List.of("p2", "p3"),
                "district", List.of("p1", "p2", "p3"));

        @Test
        void protectsASmallIntersectionFromTheDifferenceOfTwoOverlappingAreas() {
            // Nothing published is small, but w1 - m1 = p2 = 2.
            AdditiveTable table = district(10, 2, 9);

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).isEmpty();
            assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).isNotEmpty();
            LinearProgrammingAttacker attacker = new LinearProgrammingAttacker(coverage, result.publishedCounts());
            assertThat(attacker.interval("p2").width()).isGreaterThanOrEqualTo(1.0);
        }

        @Test
        void neverListsUnpublishedCellsAsPublishedOrSuppressed() {
            AdditiveTable table = district(10, 2, 9);

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.publishedCounts()).doesNotContainKeys("p1", "p2", "p3");
            assertThat(result.suppressedCells()).doesNotContainKeys("p1", "p2", "p3");
        }

        @Test
        void leavesOverlappingAreasAloneWhenNoIntersectionIsSmall() {
            AdditiveTable table = district(10, 7, 9);

            SuppressionResult result = suppression.apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells()).isEmpty();
        }
    }

    @Nested
    class Determinism {

        @Test
        void givesTheSameAnswerWhateverOrderTheCellsAndRelationsArriveIn() {
            AdditiveTable reference = grid(new long[][] {
                    {2, 10, 12, 1},
                    {8, 15, 3, 20},
                    {9, 30, 11, 8},
                    {0, 4, 40, 6}});
            SuppressionResult expected = suppression.apply(reference, FEWER_THAN_5);

            Random random = new Random(7);
            for (int attempt = 0; attempt < 20; attempt++) {
                List<String> keys = new ArrayList<>(reference.counts().keySet());
                Collections.shuffle(keys, random);
                Map<String, Long> shuffledCounts = new LinkedHashMap<>();
                keys.forEach(key -> shuffledCounts.put(key, reference.count(key)));
                List<Relation> shuffledRelations = new ArrayList<>();
                for (Relation relation : reference.relations()) {
                    List<String> parts = new ArrayList<>(relation.parts());
                    Collections.shuffle(parts, random);
                    shuffledRelations.add(new Relation(relation.total(), parts));
                }
                Collections.shuffle(shuffledRelations, random);

                SuppressionResult actual =
                        suppression.apply(new AdditiveTable(shuffledCounts, shuffledRelations), FEWER_THAN_5);

                assertThat(actual.suppressedCells()).isEqualTo(expected.suppressedCells());
            }
        }
    }

    @Test
    void rejectsMissingArguments() {
        AdditiveTable table = oneDimensional(Map.of("a", 1L));
        assertThatThrownBy(() -> suppression.apply(null, FEWER_THAN_5)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> suppression.apply(table, null)).isInstanceOf(NullPointerException.class);
    }

    /** Parts named by the map's keys, plus a cell "total" holding their sum. */
    static AdditiveTable oneDimensional(Map<String, Long> parts) {
        Map<String, Long> counts = new TreeMap<>(parts);
        counts.put("total", parts.values().stream().mapToLong(Long::longValue).sum());
        return new AdditiveTable(counts, List.of(new Relation("total", List.copyOf(new TreeMap<>(parts).keySet()))));
    }

    /**
     * Interior cells r{i}c{j}, row totals r{i}, column totals c{j} and the grand total "all", which
     * is the total both of the rows and of the columns.
     */
    static AdditiveTable grid(long[][] interior) {
        Map<String, Long> counts = new TreeMap<>();
        List<Relation> relations = new ArrayList<>();
        int rows = interior.length;
        int columns = interior[0].length;
        long grand = 0;
        List<String> rowTotals = new ArrayList<>();
        List<String> columnTotals = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            List<String> row = new ArrayList<>();
            long sum = 0;
            for (int c = 1; c <= columns; c++) {
                counts.put("r" + r + "c" + c, interior[r - 1][c - 1]);
                row.add("r" + r + "c" + c);
                sum += interior[r - 1][c - 1];
            }
            counts.put("r" + r, sum);
            relations.add(new Relation("r" + r, row));
            rowTotals.add("r" + r);
            grand += sum;
        }
        for (int c = 1; c <= columns; c++) {
            List<String> column = new ArrayList<>();
            long sum = 0;
            for (int r = 1; r <= rows; r++) {
                column.add("r" + r + "c" + c);
                sum += interior[r - 1][c - 1];
            }
            counts.put("c" + c, sum);
            relations.add(new Relation("c" + c, column));
            columnTotals.add("c" + c);
        }
        counts.put("all", grand);
        relations.add(new Relation("all", rowTotals));
        relations.add(new Relation("all", columnTotals));
        return new AdditiveTable(counts, relations);
    }

    /** Which interior cells each cell of {@link #grid} adds up, as an attacker would write it down. */
    static Map<String, List<String>> gridCoverage(int rows, int columns) {
        Map<String, List<String>> coverage = new TreeMap<>();
        List<String> everything = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= columns; c++) {
                String cell = "r" + r + "c" + c;
                coverage.put(cell, List.of(cell));
                coverage.computeIfAbsent("r" + r, key -> new ArrayList<>()).add(cell);
                coverage.computeIfAbsent("c" + c, key -> new ArrayList<>()).add(cell);
                everything.add(cell);
            }
        }
        coverage.put("all", everything);
        return coverage;
    }

    /** A region of two districts, d1 = w1 + w2 and d2 = w3 + w4. */
    static AdditiveTable hierarchy(Map<String, Long> wards) {
        Map<String, Long> counts = new TreeMap<>(wards);
        counts.put("d1", wards.get("w1") + wards.get("w2"));
        counts.put("d2", wards.get("w3") + wards.get("w4"));
        counts.put("region", counts.get("d1") + counts.get("d2"));
        return new AdditiveTable(counts, List.of(
                Relation.of("d1", "w1", "w2"),
                Relation.of("d2", "w3", "w4"),
                Relation.of("region", "d1", "d2")));
    }

    /**
     * Requirements (2) and (3) checked from the outside, relation by relation: wherever a
     * relation holds a protected cell (suppressed, or unpublished with a small count) and is not
     * entirely hidden, at least two cells are hidden, and if its total is published its hidden
     * parts add up to at least the threshold. Unpublished cells count as hidden.
     */
    static void assertEveryRelationIsProtected(AdditiveTable table, SuppressionResult result, SuppressionRule rule) {
        for (Relation relation : table.relations()) {
            List<String> hidden = relation.cells().stream()
                    .filter(key -> result.isSuppressed(key) || table.isUnpublished(key))
                    .toList();
            boolean holdsProtectedCell = relation.cells().stream().anyMatch(key -> result.isSuppressed(key)
                    || (table.isUnpublished(key) && rule.isPrimary(table.count(key))));
            if (!holdsProtectedCell || hidden.size() == relation.cells().size()) {
                continue;
            }
            assertThat(hidden).as("hidden cells of %s", relation).hasSizeGreaterThanOrEqualTo(2);
            if (!hidden.contains(relation.total())) {
                long hiddenSum = hidden.stream().mapToLong(table::count).sum();
                assertThat(hiddenSum).as("sum of hidden parts of %s", relation)
                        .isGreaterThanOrEqualTo(rule.threshold());
            }
        }
    }
}
