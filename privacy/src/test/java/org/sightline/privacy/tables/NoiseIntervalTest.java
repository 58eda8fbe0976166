package org.sightline.privacy.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NoiseIntervalTest {

    @ParameterizedTest(name = "level {0}")
    @ValueSource(doubles = {0.5, 0.8, 0.9, 0.95, 0.99, 0.998})
    void halfWidthIsTheNormalQuantileTimesTheStandardDeviation(double level) {
        double z = new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);

        assertThat(NoiseInterval.halfWidth(3.5, level)).isCloseTo(z * 3.5, within(1e-9));
        NoiseInterval interval = NoiseInterval.around(10, 2, level);
        assertThat(interval.lower()).isCloseTo(10 - 2 * z, within(1e-9));
        assertThat(interval.upper()).isCloseTo(10 + 2 * z, within(1e-9));
    }

    @Test
    void ninetyFivePercentIsAbout196StandardDeviations() {
        assertThat(NoiseInterval.halfWidth(1, 0.95)).isCloseTo(1.959964, within(1e-6));
    }

    @Test
    void aCellsIntervalIsAroundItsReleasedValue() {
        PublicCell cell = new PublicCell("W", "ward", CubeCombination.of(), 12, 14L, 11.7, 2.0);

        assertThat(cell.noiseInterval(0.95)).isEqualTo(NoiseInterval.around(12, 2.0, 0.95));
    }

    @Test
    void refusesLevelsOutsideTheOpenUnitIntervalAndNegativeDeviations() {
        assertThatThrownBy(() -> NoiseInterval.halfWidth(1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence level");
        assertThatThrownBy(() -> NoiseInterval.halfWidth(-1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard deviation");
    }
}
