package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdditiveTableTest {

    @Test
    void rejectsARelationThatDoesNotAddUpAndNamesIt() {
        Map<String, Long> counts = Map.of("district", 10L, "ward-a", 4L, "ward-b", 5L);

        assertThatThrownBy(() -> new AdditiveTable(counts, List.of(Relation.of("district", "ward-a", "ward-b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("district = ward-a + ward-b")
                .hasMessageContaining("10")
                .hasMessageContaining("9");
    }

    @Test
    void rejectsARelationNamingACellThatIsNotInTheTable() {
        Map<String, Long> counts = Map.of("district", 10L, "ward-a", 10L);

        assertThatThrownBy(() -> new AdditiveTable(counts, List.of(Relation.of("district", "ward-a", "ward-x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ward-x")
                .hasMessageContaining("district = ward-a + ward-x");
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> new AdditiveTable(Map.of("ward-a", -1L), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ward-a")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsAMissingCount() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ward-a", null);

        assertThatThrownBy(() -> new AdditiveTable(counts, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ward-a");
    }

    @Test
    void theOrderInWhichCellsAndRelationsAreSuppliedDoesNotMatter() {
        Map<String, Long> oneOrder = new LinkedHashMap<>();
        oneOrder.put("t", 3L);
        oneOrder.put("a", 1L);
        oneOrder.put("b", 2L);
        Map<String, Long> otherOrder = new LinkedHashMap<>();
        otherOrder.put("b", 2L);
        otherOrder.put("a", 1L);
        otherOrder.put("t", 3L);

        AdditiveTable first = new AdditiveTable(oneOrder,
                List.of(Relation.of("t", "a", "b"), Relation.of("t", "b", "a")));
        AdditiveTable second = new AdditiveTable(otherOrder, List.of(Relation.of("t", "b", "a")));

        assertThat(first).isEqualTo(second);
        assertThat(first.relations()).hasSize(1);
        assertThat(first.counts().keySet()).containsExactly("a", "b", "t");
    }

    @Test
    void knowsWhichCellsAreTotals() {
        AdditiveTable table = new AdditiveTable(Map.of("t", 3L, "a", 1L, "b", 2L),
                List.of(Relation.of("t", "a", "b")));

        assertThat(table.isTotal("t")).isTrue();
        assertThat(table.isTotal("a")).isFalse();
        assertThat(table.relationsContaining("a")).containsExactly(Relation.of("t", "a", "b"));
    }

    @Test
    void keepsUnpublishedCellsInTheArithmetic() {
        AdditiveTable table = new AdditiveTable(Map.of("ward", 5L, "piece-a", 2L, "piece-b", 3L),
                List.of(Relation.of("ward", "piece-a", "piece-b")), List.of("piece-b", "piece-a"));

        assertThat(table.unpublished()).containsExactly("piece-a", "piece-b");
        assertThat(table.isUnpublished("piece-a")).isTrue();
        assertThat(table.isUnpublished("ward")).isFalse();
    }

    @Test
    void rejectsAnUnpublishedKeyThatIsNotACell() {
        assertThatThrownBy(() -> new AdditiveTable(Map.of("ward", 5L), List.of(), List.of("piece-x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("piece-x");
    }
}
