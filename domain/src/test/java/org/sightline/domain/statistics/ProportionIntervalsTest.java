package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionIntervalsTest {

    /**
     * Source: Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of seven
     * methods", Stat Med 17:857-872, Table II, method 3 (Wilson score interval without continuity correction),
     * 95% limits given to 4 decimals for the paper's four illustrative examples.
     */
    @ParameterizedTest(name = "{0}/{1} -> {2} to {3}")
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        " 0,  20, 0.0000, 0.1611",
        " 1,  29, 0.0061, 0.1718"
    })
    void wilsonScoreMatchesNewcombe1998TableII(long numerator, long denominator, double lower, double upper) {
        IntervalEstimate interval = ProportionIntervals.wilsonScore(numerator, denominator, ConfidenceLevel.NINETY_FIVE);

        assertThat(interval.value()).isCloseTo((double) numerator / denominator, within(1e-15));
        assertThat(interval.lower()).isCloseTo(lower, within(5e-5));
        assertThat(interval.upper()).isCloseTo(upper, within(5e-5));
        assertThat(interval.method()).isEqualTo(IntervalMethod.WILSON_SCORE);
    }

    /**
     * Source: Newcombe 1998 Table II, 0/20 -> 0.0000 to 0.1611. The Wilson interval is symmetric under
     * x -> n - x, p -> 1 - p, so 20/20 -> 0.8389 to 1 (exactly 1 at the top).
     */
    @Test
    void allEventsGiveAnUpperLimitOfExactlyOne() {
        IntervalEstimate interval = ProportionIntervals.wilsonScore(20, 20, ConfidenceLevel.NINETY_FIVE);

        assertThat(interval.value()).isEqualTo(1.0);
        assertThat(interval.lower()).isCloseTo(0.8389, within(5e-5));
        assertThat(interval.upper()).isEqualTo(1.0);
    }

    @Test
    void zeroEventsGiveALowerLimitOfExactlyZero() {
        IntervalEstimate interval = ProportionIntervals.wilsonScore(0, 20, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);

        assertThat(interval.lower()).isZero();
        assertThat(interval.upper()).isGreaterThan(0.1611);
    }

    @Test
    void zeroDenominatorIsAClearError() {
        assertThatThrownBy(() -> ProportionIntervals.wilsonScore(0, 0, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("denominator must be positive");
    }

    @Test
    void numeratorOutsideZeroToDenominatorIsRejected() {
        assertThatThrownBy(() -> ProportionIntervals.wilsonScore(21, 20, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionIntervals.wilsonScore(-1, 20, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
