package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionsTest {

    /**
     * Source: Abramowitz M, Stegun IA. Handbook of Mathematical Functions (1964), Table 26.5 "Percentage points
     * of the normal distribution": Q = 0.025 -> 1.959963985, Q = 0.001 -> 3.090232306, Q = 0.0001 -> 3.719016485.
     */
    @ParameterizedTest
    @CsvSource({
        "0.975,  1.959963985",
        "0.999,  3.090232306",
        "0.9999, 3.719016485",
        "0.025, -1.959963985",
        "0.001, -3.090232306",
        "0.5,    0.0"
    })
    void normalQuantileMatchesAbramowitzAndStegunTable26_5(double p, double expected) {
        assertThat(Distributions.normalQuantile(p)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.1, Double.NaN})
    void normalQuantileRejectsProbabilitiesOutsideTheOpenUnitInterval(double p) {
        assertThatThrownBy(() -> Distributions.normalQuantile(p)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Source: NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.4 "Critical values of the
     * chi-square distribution" (3 decimals): df 1 upper 0.05 -> 3.841; df 10 upper 0.025 -> 20.483,
     * lower 0.025 -> 3.247.
     */
    @ParameterizedTest
    @CsvSource({
        "0.95,  1, 3.841",
        "0.975, 10, 20.483",
        "0.025, 10, 3.247"
    })
    void chiSquareQuantileMatchesNistCriticalValues(double p, double df, double expected) {
        assertThat(Distributions.chiSquareQuantile(p, df)).isCloseTo(expected, within(5e-4));
    }

    /**
     * Source: fingertips-open TrendMarkerCalculator.cs, constant ChiSquareConfidence = 9.54953570608324 with the
     * comment "in Excel =CHIINV(0.002,1)" (the 99.8% critical value on 1 degree of freedom).
     */
    @Test
    void chiSquareQuantileMatchesFingertips99Point8CriticalValue() {
        assertThat(Distributions.chiSquareQuantile(0.998, 1)).isCloseTo(9.54953570608324, within(1e-9));
    }

    /** Source: NIST/SEMATECH e-Handbook 1.3.6.7.4: 3.841 is the upper 5% point and 9.550 the upper 0.2% point, df 1. */
    @Test
    void chiSquareUpperTailIsThePValueOfTheCriticalValues() {
        assertThat(Distributions.chiSquareUpperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
        assertThat(Distributions.chiSquareUpperTail(9.54953570608324, 1)).isCloseTo(0.002, within(1e-11));
        assertThat(Distributions.chiSquareUpperTail(0, 1)).isEqualTo(1.0);
    }

    /** Gamma(1) is the exponential distribution: P(1, x) = 1 - exp(-x), so its p-quantile is -ln(1 - p). */
    @Test
    void gammaQuantileOfShapeOneIsTheExponentialQuantile() {
        assertThat(Distributions.gammaQuantile(0.975, 1)).isCloseTo(-Math.log(0.025), within(1e-12));
        assertThat(Distributions.gammaQuantile(0.001, 1)).isCloseTo(-Math.log(0.999), within(1e-15));
    }

    @ParameterizedTest
    @CsvSource({"0.001, 0.3", "0.025, 1", "0.5, 7.5", "0.975, 40", "0.999, 2000", "1e-12, 0.05"})
    void gammaQuantileInvertsTheRegularizedIncompleteGamma(double p, double shape) {
        double x = Distributions.gammaQuantile(p, shape);
        assertThat(Distributions.regularizedGammaP(shape, x)).isCloseTo(p, within(p * 1e-10));
    }

    /** The chi-square distribution with zero degrees of freedom is a point mass at 0 (R: qchisq(p, 0) == 0). */
    @Test
    void chiSquareQuantileWithZeroDegreesOfFreedomIsZero() {
        assertThat(Distributions.chiSquareQuantile(0.025, 0)).isZero();
    }

    /** Gamma(n) = (n - 1)!: ln Gamma(5) = ln 24, ln Gamma(0.5) = ln sqrt(pi). */
    @Test
    void logGammaMatchesFactorialsAndHalfInteger() {
        assertThat(Distributions.logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> Distributions.chiSquareQuantile(1.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.chiSquareQuantile(0.5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.gammaQuantile(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.chiSquareUpperTail(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.regularizedGammaP(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
