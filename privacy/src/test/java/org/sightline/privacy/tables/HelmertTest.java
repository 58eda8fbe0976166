package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelmertTest {

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {1, 2, 3, 7, 12})
    void theMatrixIsOrthonormalWithAConstantFirstRow(int m) {
        double[][] h = Helmert.matrix(m);

        for (int i = 0; i < m; i++) {
            assertThat(h[0][i]).isCloseTo(1 / Math.sqrt(m), within(1e-15));
            for (int j = 0; j < m; j++) {
                double dot = 0;
                for (int x = 0; x < m; x++) {
                    dot += h[i][x] * h[j][x];
                }
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
    }

    @Test
    void inverseUndoesForwardAndForwardKeepsLength() {
        Characteristics characteristics = Characteristics.of(3, 1, 4);
        Helmert helmert = new Helmert(characteristics);
        SplittableRandom random = new SplittableRandom(8);
        double[] data = new double[characteristics.fullSize()];
        for (int f = 0; f < data.length; f++) {
            data[f] = random.nextDouble() * 10;
        }
        double[] transformed = data.clone();

        helmert.forward(transformed);
        double[] back = transformed.clone();
        helmert.inverse(back);

        assertThat(back).containsExactly(data, within(1e-12));
        assertThat(norm(transformed)).isCloseTo(norm(data), within(1e-12));
    }

    @Test
    void summingOverATypeLeavesOnlyItsConstantFrequency() {
        // A vector constant along type 1 has no energy in frequencies whose type-1 part is a contrast.
        Characteristics characteristics = Characteristics.of(2, 3);
        double[] data = new double[characteristics.fullSize()];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                data[characteristics.fullIndex(a, b)] = a == 0 ? 5 : -2;
            }
        }

        new Helmert(characteristics).forward(data);

        for (int f = 0; f < data.length; f++) {
            if ((characteristics.frequencyClass(f) & 0b10) != 0) {
                assertThat(data[f]).isCloseTo(0, within(1e-12));
            }
        }
    }

    private static double norm(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
