package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrudeRatesTest {

    /**
     * Source: OHID Fingertips technical guidance "Rates": r = O/n, r_lower = O_lower/n, r_upper = O_upper/n.
     * With O = 5 (exact 95% limits 1.6235 to 11.668 from standard Poisson tables) and n = 10,000, per 100,000:
     * 50 (16.235 to 116.68).
     */
    @Test
    void smallCountRateUsesExactLimitsScaledToTheMultiplier() {
        IntervalEstimate rate = CrudeRates.rate(5, 10_000, 100_000, ConfidenceLevel.NINETY_FIVE);

        assertThat(rate.value()).isCloseTo(50, within(1e-9));
        assertThat(rate.lower()).isCloseTo(16.235, within(5e-3));
        assertThat(rate.upper()).isCloseTo(116.68, within(5e-3));
        assertThat(rate.method()).isEqualTo(IntervalMethod.EXACT_POISSON);
    }

    /** Source: as above with the O = 100 exact limits 81.364 to 121.627 and Byar within 0.2% (PHE Technical Guide). */
    @Test
    void largeCountRateUsesByar() {
        IntervalEstimate rate = CrudeRates.rate(100, 50_000, 100_000, ConfidenceLevel.NINETY_FIVE);

        assertThat(rate.value()).isCloseTo(200, within(1e-9));
        assertThat(rate.lower()).isCloseTo(162.728, within(0.002 * 162.728));
        assertThat(rate.upper()).isCloseTo(243.254, within(0.002 * 243.254));
        assertThat(rate.method()).isEqualTo(IntervalMethod.BYAR);
    }

    /** Source: O = 0 exact upper limit 3.689 (standard tables); n = 10,000 per 100,000 gives 0 (0 to 36.89). */
    @Test
    void zeroCountRateHasZeroLowerLimit() {
        IntervalEstimate rate = CrudeRates.rate(0, 10_000, 100_000, ConfidenceLevel.NINETY_FIVE);

        assertThat(rate.value()).isZero();
        assertThat(rate.lower()).isZero();
        assertThat(rate.upper()).isCloseTo(36.89, within(5e-3));
    }

    @Test
    void zeroDenominatorIsAClearError() {
        assertThatThrownBy(() -> CrudeRates.rate(3, 0, 100_000, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("denominator must be positive");
        assertThatThrownBy(() -> CrudeRates.rate(3, Double.NaN, 100_000, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidMultiplierOrCountIsRejected() {
        assertThatThrownBy(() -> CrudeRates.rate(3, 1000, 0, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrudeRates.rate(-3, 1000, 100, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
