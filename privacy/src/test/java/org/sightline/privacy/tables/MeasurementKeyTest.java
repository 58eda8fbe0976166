package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementKeyTest {

    @Test
    void aKeysCellMustBelongToItsTable() {
        assertThatThrownBy(() -> new MeasurementKey(new PublicTable("ward", List.of(0)), "W1", CubeCombination.of(-1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void canonicalFormsDifferWhenAnyPartDiffersEvenIfSeparatorsMove() {
        PublicTable ward = new PublicTable("ward", List.of(0));
        MeasurementKey key = new MeasurementKey(ward, "W1", CubeCombination.of(1, -1));

        assertThat(key.canonicalForm()).isEqualTo(new MeasurementKey(ward, "W1", CubeCombination.of(1, -1)).canonicalForm());
        assertThat(List.of(
                new MeasurementKey(ward, "W2", CubeCombination.of(1, -1)),
                new MeasurementKey(ward, "W1", CubeCombination.of(0, -1)),
                new MeasurementKey(new PublicTable("lad", List.of(0)), "W1", CubeCombination.of(1, -1)),
                new MeasurementKey(new PublicTable("ward;2:W", List.of(0)), "1", CubeCombination.of(1, -1))))
                .extracting(MeasurementKey::canonicalForm)
                .doesNotContain(key.canonicalForm())
                .doesNotHaveDuplicates();
    }
}
