package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionResultTest {

    private final AdditiveTable table = new AdditiveTable(Map.of("t", 10L, "a", 3L, "b", 7L, "piece", 10L),
            List.of(Relation.of("t", "a", "b"), Relation.of("t", "piece")), List.of("piece"));

    @Test
    void publishesEveryCellThatIsNeitherSuppressedNorUnpublished() {
        SuppressionResult result = new SuppressionResult(table, List.of(
                new SuppressedCell("a", SuppressionReason.PRIMARY, "fewer than 5"),
                new SuppressedCell("b", SuppressionReason.SECONDARY, "suppressed to protect another cell in the same total")));

        assertThat(result.publishedCounts()).containsExactly(Map.entry("t", 10L));
        assertThat(result.keysSuppressedBecause(SuppressionReason.PRIMARY)).containsExactly("a");
        assertThat(result.keysSuppressedBecause(SuppressionReason.SECONDARY)).containsExactly("b");
        assertThat(result.suppression("t")).isEmpty();
    }

    @Test
    void rejectsSuppressingACellThatIsNotInTheTable() {
        assertThatThrownBy(() -> new SuppressionResult(table,
                List.of(new SuppressedCell("x", SuppressionReason.PRIMARY, "fewer than 5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
    }

    @Test
    void rejectsSuppressingAnUnpublishedCell() {
        assertThatThrownBy(() -> new SuppressionResult(table,
                List.of(new SuppressedCell("piece", SuppressionReason.PRIMARY, "fewer than 5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'piece'")
                .hasMessageContaining("unpublished");
    }

    @Test
    void rejectsSuppressingACellTwice() {
        assertThatThrownBy(() -> new SuppressionResult(table, List.of(
                new SuppressedCell("a", SuppressionReason.PRIMARY, "fewer than 5"),
                new SuppressedCell("a", SuppressionReason.SECONDARY, "again"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void aSuppressedCellNeedsAKeyAReasonAndAnExplanation() {
        assertThatThrownBy(() -> new SuppressedCell(" ", SuppressionReason.PRIMARY, "fewer than 5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuppressedCell("a", null, "fewer than 5"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SuppressedCell("a", SuppressionReason.PRIMARY, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
