package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfidenceLevelTest {

    /**
     * Source: PHE Technical Guide "Confidence intervals" / PHEindicatormethods use z = qnorm(0.975) and
     * qnorm(0.999); standard normal tables (Abramowitz and Stegun Table 26.5) give 1.959964 and 3.090232.
     */
    @Test
    void criticalValuesForThePheLevels() {
        assertThat(ConfidenceLevel.NINETY_FIVE.z()).isCloseTo(1.959964, within(5e-7));
        assertThat(ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z()).isCloseTo(3.090232, within(5e-7));
        assertThat(ConfidenceLevel.of(0.95)).isEqualTo(ConfidenceLevel.NINETY_FIVE);
    }

    @Test
    void tailProbabilities() {
        assertThat(ConfidenceLevel.NINETY_FIVE.lowerTailProbability()).isCloseTo(0.025, within(1e-15));
        assertThat(ConfidenceLevel.NINETY_NINE_POINT_EIGHT.upperTailProbabilityPoint()).isCloseTo(0.999, within(1e-15));
    }

    /** 95 (a percentage), 0 and 1 are not valid two-sided levels. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 95.0, 99.8, -0.95, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsLevelsOutsideTheOpenUnitInterval(double level) {
        assertThatThrownBy(() -> ConfidenceLevel.of(level))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("between 0 and 1");
    }
}
