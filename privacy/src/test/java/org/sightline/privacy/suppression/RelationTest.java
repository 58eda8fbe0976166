package org.sightline.privacy.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelationTest {

    @Test
    void listsTheTotalFirstAndThenItsPartsInKeyOrder() {
        Relation relation = Relation.of("district", "ward-b", "ward-a");

        assertThat(relation.total()).isEqualTo("district");
        assertThat(relation.parts()).containsExactly("ward-a", "ward-b");
        assertThat(relation.cells()).containsExactly("district", "ward-a", "ward-b");
        assertThat(relation).hasToString("district = ward-a + ward-b");
    }

    @Test
    void relationsWithTheSamePartsInAnotherOrderAreEqual() {
        assertThat(Relation.of("d", "a", "b")).isEqualTo(Relation.of("d", "b", "a"));
    }

    @Test
    void rejectsARelationWithoutParts() {
        assertThatThrownBy(() -> new Relation("district", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("district")
                .hasMessageContaining("at least one part");
    }

    @Test
    void rejectsAPartNamedTwice() {
        assertThatThrownBy(() -> Relation.of("district", "ward-a", "ward-a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ward-a")
                .hasMessageContaining("more than once");
    }

    @Test
    void rejectsATotalThatIsAlsoOneOfItsParts() {
        assertThatThrownBy(() -> Relation.of("district", "ward-a", "district"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("district")
                .hasMessageContaining("its own part");
    }

    @Test
    void rejectsBlankKeys() {
        assertThatThrownBy(() -> Relation.of(" ", "ward-a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Relation.of("district", "ward-a", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
