package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * Suppression with a budget, and with cells the reader already knows. When the budget runs out
 * the engine must withhold more, never less: the fallback pattern must resist the same linear
 * programming attacker as the exact one and hide at least as many cells. Known cells must never be
 * hidden, and protection must then come from finer cells, so that nothing beyond what the known
 * cells give away on their own can be worked out.
 */
class SuppressionBudgetTest {

    private static final SuppressionRule FEWER_THAN_5 = SuppressionRule.threshold(5);
    private static final SyntheticRegion.Shape WARDS = new SyntheticRegion.Shape(3, 5, 4, 12, 4, 6, 1.5, false, false);
    private static final int REGION = 0;
    private static final int DISTRICT = 1;
    private static final int WARD = 2;

    /** R is the region, D1 a district, D1W3 a ward. */
    private static final ToIntFunction<String> LEVEL = key -> {
        String area = key.substring(0, key.indexOf('|'));
        return area.equals("R") ? REGION : area.contains("W") ? WARD : DISTRICT;
    };

    @Test
    void aTinyBudgetWithholdsTheWardsWholeAndStillResistsTheAttacker() {
        for (long seed = 1; seed <= 6; seed++) {
            SyntheticRegion region = SyntheticRegion.generate(WARDS, seed);
            AdditiveTable table = region.table();
            SuppressionResult full = new SecondarySuppression().apply(table, FEWER_THAN_5);
            // Enough for the districts' table, far too little for the wards': the first audit round
            // of the whole table alone costs one step per cell.
            long coarseCells = table.counts().keySet().stream().filter(key -> LEVEL.applyAsInt(key) < WARD).count();
            SuppressionBudget tiny = SuppressionBudget.ofWork(coarseCells * 40);
            assertThat(tiny.work()).as("the budget is below the cost of one round over the whole table").isLessThan(table.counts().size() * 40L);
            SuppressionResult budgeted = new SecondarySuppression().apply(table, FEWER_THAN_5, tiny, LEVEL);

            assertThat(full.withheldWholeFromLevel()).isEmpty();
            assertThat(budgeted.withheldWholeFromLevel()).as("seed %d fell back at ward level", seed).hasValue(WARD);
            List<String> wardCells = table.counts().keySet().stream().filter(key -> LEVEL.applyAsInt(key) == WARD).toList();
            assertThat(budgeted.suppressedCells().keySet()).as("every ward cell withheld").containsAll(wardCells);
            assertThat(budgeted.publishedCounts()).as("the districts are still answered").isNotEmpty();
            assertThat(budgeted.suppressedCells().size()).as("hides at least as much as the exact pattern")
                    .isGreaterThanOrEqualTo(full.suppressedCells().size());
            table.counts().forEach((key, count) -> {
                if (FEWER_THAN_5.isPrimary(count)) {
                    assertThat(budgeted.isSuppressed(key)).as("small cell %s withheld", key).isTrue();
                }
            });

            var intervals = new LinearProgrammingAttacker(region.coverage(), budgeted.publishedCounts())
                    .attack(budgeted.suppressedCells().keySet(), FEWER_THAN_5.threshold());
            for (String key : budgeted.suppressedCells().keySet()) {
                var interval = intervals.get(key);
                assertThat(interval.isPoint()).as("seed %d: %s pinned to %s", seed, key, interval).isFalse();
                if (FEWER_THAN_5.isPrimary(table.count(key))) {
                    assertThat(interval.max()).as("seed %d: small %s provably small", seed, key)
                            .isGreaterThanOrEqualTo(FEWER_THAN_5.threshold() - 1e-6);
                }
            }
        }
    }

    @Test
    void noBudgetAtAllWithholdsEverythingRatherThanAnythingUnsafe() {
        SyntheticRegion region = SyntheticRegion.generate(WARDS, 7);
        SuppressionResult none = new SecondarySuppression().apply(region.table(), FEWER_THAN_5, SuppressionBudget.ofWork(0), LEVEL);

        assertThat(none.withheldWholeFromLevel()).hasValue(REGION);
        assertThat(none.publishedCounts()).isEmpty();
    }

    @Test
    void aLargeEnoughBudgetGivesTheExactPattern() {
        SyntheticRegion region = SyntheticRegion.generate(WARDS, 8);
        SuppressionResult exact = new SecondarySuppression().apply(region.table(), FEWER_THAN_5);
        SuppressionResult budgeted = new SecondarySuppression().apply(region.table(), FEWER_THAN_5,
                SuppressionBudget.ofWork(Long.MAX_VALUE / 2), LEVEL);

        assertThat(budgeted.suppressedCells()).isEqualTo(exact.suppressedCells());
        assertThat(budgeted.withheldWholeFromLevel()).isEmpty();
    }

    @Test
    void knownDistrictsAreNeverHiddenAndTheWardsUnderThemCannotBeWorkedOutBeyondWhatTheDistrictsGiveAway() {
        for (long seed = 11; seed <= 16; seed++) {
            SyntheticRegion region = SyntheticRegion.generate(WARDS, seed);
            AdditiveTable plain = region.table();
            List<String> known = plain.counts().keySet().stream().filter(key -> LEVEL.applyAsInt(key) < WARD).toList();
            AdditiveTable table = new AdditiveTable(plain.counts(), plain.relations(), plain.unpublished(), known);
            SuppressionResult result = new SecondarySuppression().apply(table, FEWER_THAN_5);

            assertThat(result.suppressedCells().keySet()).doesNotContainAnyElementsOf(known);
            table.counts().forEach((key, count) -> {
                if (!table.isKnown(key) && FEWER_THAN_5.isPrimary(count)) {
                    assertThat(result.isSuppressed(key)).as("small ward cell %s withheld", key).isTrue();
                }
            });
            // What the known districts give away on their own (a ward cell equal to a known cell)
            // cannot be protected by any pattern; everything else must stay open.
            Map<String, Long> knownOnly = new HashMap<>();
            known.forEach(key -> knownOnly.put(key, table.count(key)));
            List<String> hidden = new ArrayList<>(result.suppressedCells().keySet());
            var inherent = new LinearProgrammingAttacker(region.coverage(), knownOnly).attack(hidden, FEWER_THAN_5.threshold());
            var intervals = new LinearProgrammingAttacker(region.coverage(), result.publishedCounts())
                    .attack(hidden, FEWER_THAN_5.threshold());
            assertThat(hidden).as("seed %d has withheld cells", seed).isNotEmpty();
            for (String key : hidden) {
                if (!inherent.get(key).isPoint()) {
                    assertThat(intervals.get(key).isPoint()).as("seed %d: %s pinned to %s", seed, key, intervals.get(key)).isFalse();
                }
            }
        }
    }
}
