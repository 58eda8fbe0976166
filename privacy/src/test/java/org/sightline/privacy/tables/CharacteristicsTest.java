package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CharacteristicsTest {

    @Test
    void sizesAreTheProductsOfValuesAndOfValuesPlusTotal() {
        Characteristics characteristics = Characteristics.of(12, 2);

        assertThat(characteristics.fullSize()).isEqualTo(12 * 2);
        assertThat(characteristics.cubeSize()).isEqualTo(13 * 3);
        assertThat(Characteristics.of().fullSize()).isEqualTo(1);
        assertThat(Characteristics.of().cubeSize()).isEqualTo(1);
    }

    @Test
    void everyCubeCombinationHasItsOwnIndexAndReadsBack() {
        Characteristics characteristics = Characteristics.of(3, 1, 2);

        List<CubeCombination> all = characteristics.cubeCombinations();
        assertThat(new HashSet<>(all)).hasSize(4 * 2 * 3);
        for (int q = 0; q < all.size(); q++) {
            assertThat(characteristics.cubeIndex(all.get(q))).isEqualTo(q);
        }
        assertThat(all).contains(CubeCombination.grandTotal(3), CubeCombination.of(2, 0, CubeCombination.TOTAL));
    }

    @Test
    void fullIndicesReadBack() {
        Characteristics characteristics = Characteristics.of(3, 4);

        for (int[] values : Instances.fullCombinations(characteristics)) {
            assertThat(characteristics.fullValues(characteristics.fullIndex(values))).containsExactly(values);
        }
    }

    @Test
    void everyCubeCellOfAFullVectorIsTheSumOfTheFullCombinationsItMatches() {
        Characteristics characteristics = Characteristics.of(2, 3, 2);
        SplittableRandom random = new SplittableRandom(5);
        long[] full = new long[characteristics.fullSize()];
        for (int f = 0; f < full.length; f++) {
            full[f] = random.nextInt(100);
        }

        long[] cube = characteristics.cubeOf(full);

        for (CubeCombination cell : characteristics.cubeCombinations()) {
            long expected = 0;
            for (int[] values : Instances.fullCombinations(characteristics)) {
                if (Instances.matches(cell, values)) {
                    expected += full[characteristics.fullIndex(values)];
                }
            }
            assertThat(cube[characteristics.cubeIndex(cell)]).as("cell %s", cell).isEqualTo(expected);
        }
    }

    @Test
    void aCombinationIsEqualByValueAndDefendsItsArray() {
        int[] values = {1, CubeCombination.TOTAL};
        CubeCombination combination = CubeCombination.of(values);
        values[0] = 0;
        combination.values()[1] = 4;

        assertThat(combination).isEqualTo(CubeCombination.of(1, -1)).hasSameHashCodeAs(CubeCombination.of(1, -1));
        assertThat(combination.types()).containsExactly(0);
        assertThat(combination).hasToString("[1, *]");
    }

    @Test
    void refusesValuesOutOfRangeAndTypesWithoutValues() {
        assertThatThrownBy(() -> Characteristics.of(2, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type 1");
        assertThatThrownBy(() -> Characteristics.of(2).cubeIndex(CubeCombination.of(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Characteristics.of(2).cubeIndex(CubeCombination.of(0, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CubeCombination.of(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
