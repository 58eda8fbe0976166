package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpperBoundAuditTest {

    /** F: 0 4 4 0 (8); M: 3 1 1 3 (8); columns 3 5 5 3; everything small hidden. */
    static final long[][] TWO_SMALL_CELLS_BOUND_BY_THREE_TOTALS = {
            {0, 4, 4, 0},
            {3, 1, 1, 3}};
    static final Set<String> SMALL_CELLS_HIDDEN =
            Set.of("r1c2", "r1c3", "r2c1", "r2c2", "r2c3", "r2c4", "c1", "c4");

    @Test
    void provesTwoHiddenCellsSmallFromThreeTotalsTogether() {
        // r1c2 + r1c3 = 8 and each is at most its column's 5, so each is at least 3, so r2c2 and
        // r2c3 are each at most 5 - 3 = 2; every relation on its own passes rules 2 and 3.
        AdditiveTable table = SecondarySuppressionTest.grid(TWO_SMALL_CELLS_BOUND_BY_THREE_TOTALS);

        List<UpperBoundAudit.SmallCount> small = provenSmall(table, SMALL_CELLS_HIDDEN);

        assertThat(small).extracting(proof -> new IndexedTable(table).keys[proof.cell()]).containsExactly("r2c2", "r2c3");
        IndexedTable indexed = new IndexedTable(table);
        UpperBoundAudit.SmallCount first = small.get(0);
        assertThat(first.nearestPublishedCells()).extracting(cell -> indexed.keys[cell]).containsExactly("c2");
        assertThat(first.publishedCellsUsed()).extracting(cell -> indexed.keys[cell]).contains("c2", "r1", "c3");
    }

    @Test
    void provesNothingWhenTheColumnTotalsAreHiddenToo() {
        AdditiveTable table = SecondarySuppressionTest.grid(TWO_SMALL_CELLS_BOUND_BY_THREE_TOTALS);
        Set<String> hidden = new java.util.HashSet<>(SMALL_CELLS_HIDDEN);
        hidden.add("c2");

        assertThat(provenSmall(table, hidden)).isEmpty();
    }

    @Test
    void provesASingleHiddenPartExactlyFromItsTotal() {
        AdditiveTable table = SecondarySuppressionTest.grid(new long[][] {{2, 10}, {10, 10}});

        assertThat(provenSmall(table, Set.of("r1c1"))).extracting(proof -> proof.cell()).hasSize(1);
    }

    private static List<UpperBoundAudit.SmallCount> provenSmall(AdditiveTable table, Set<String> hiddenKeys) {
        IndexedTable indexed = new IndexedTable(table);
        boolean[] hidden = new boolean[indexed.size()];
        for (int cell = 0; cell < indexed.size(); cell++) {
            hidden[cell] = hiddenKeys.contains(indexed.keys[cell]);
        }
        return UpperBoundAudit.provenSmall(indexed, hidden, hidden, 5);
    }
}
