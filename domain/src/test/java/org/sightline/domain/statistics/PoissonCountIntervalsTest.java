package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonCountIntervalsTest {

    /**
     * Source: exact 95% Poisson confidence limits as tabulated in standard tables (e.g. Documenta Geigy
     * Scientific Tables; Daly L (1992) "Simple SAS macros for the calculation of exact binomial and Poisson
     * confidence limits", Comput Biol Med 22:351-361, Table 2); epitools {@code pois.exact} documentation also
     * states the upper limit 3.689 for x = 0.
     */
    @ParameterizedTest(name = "O={0} -> {1} to {2}")
    @CsvSource({
        "0,   0.0,     3.689",
        "1,   0.0253,  5.572",
        "5,   1.6235, 11.668",
        "10,  4.7954, 18.390",
        "100, 81.364, 121.627"
    })
    void exactLimitsMatchPublishedPoissonTables(long observed, double lower, double upper) {
        IntervalEstimate interval = PoissonCountIntervals.exact(observed, ConfidenceLevel.NINETY_FIVE);

        assertThat(interval.value()).isEqualTo((double) observed);
        assertThat(interval.lower()).isCloseTo(lower, within(5e-4));
        assertThat(interval.upper()).isCloseTo(upper, within(5e-4));
        assertThat(interval.method()).isEqualTo(IntervalMethod.EXACT_POISSON);
    }

    /**
     * Closed forms of the exact Poisson limits: for O = 0 the upper limit mu solves P(X = 0) = exp(-mu) = alpha/2,
     * so mu = -ln(alpha/2) (3.688879 at 95%, 6.907755 at 99.8%); for O = 1 the lower limit solves
     * P(X &gt;= 1) = 1 - exp(-mu) = alpha/2, so mu = -ln(1 - alpha/2) (0.025318 at 95%).
     */
    @Test
    void exactLimitsMatchTheirClosedFormsForZeroAndOne() {
        assertThat(PoissonCountIntervals.exact(0, ConfidenceLevel.NINETY_FIVE).upper())
            .isCloseTo(-Math.log(0.025), within(1e-10));
        assertThat(PoissonCountIntervals.exact(0, ConfidenceLevel.NINETY_NINE_POINT_EIGHT).upper())
            .isCloseTo(-Math.log(0.001), within(1e-10));
        assertThat(PoissonCountIntervals.exact(1, ConfidenceLevel.NINETY_FIVE).lower())
            .isCloseTo(-Math.log(0.975), within(1e-12));
    }

    /**
     * Source: Byar's formula (Breslow and Day 1987; PHE Technical Guide "Confidence intervals" Appendix 1;
     * Fingertips technical guidance "Rates") worked by hand for O = 10 at 95%, z = 1.959964:
     * lower = 10 (1 - 1/90 - 1.959964/(3 sqrt 10))^3 = 10 (1 - 0.0111111 - 0.2065983)^3 = 10 x 0.7822906^3
     * = 4.78745; upper = 11 (1 - 1/99 + 1.959964/(3 sqrt 11))^3 = 11 (1 - 0.0101010 + 0.1969838)^3
     * = 11 x 1.1868828^3 = 18.39146.
     */
    @Test
    void byarMatchesTheFormulaWorkedByHand() {
        IntervalEstimate interval = PoissonCountIntervals.byar(10, ConfidenceLevel.NINETY_FIVE);

        assertThat(interval.lower()).isCloseTo(4.78745, within(1e-4));
        assertThat(interval.upper()).isCloseTo(18.39146, within(1e-4));
        assertThat(interval.method()).isEqualTo(IntervalMethod.BYAR);
    }

    /**
     * Source: PHE Technical Guide "Confidence intervals", Appendix 1: "For 95% confidence intervals, Byar's method
     * is within 0.2% of the exact value for numerators of 10 or more". Exact limits from the tables above.
     */
    @ParameterizedTest
    @CsvSource({"10, 4.7954, 18.390", "100, 81.364, 121.627"})
    void byarIsWithinPointTwoPercentOfExactFromTen(long observed, double exactLower, double exactUpper) {
        IntervalEstimate interval = PoissonCountIntervals.byar(observed, ConfidenceLevel.NINETY_FIVE);

        assertThat(interval.lower()).isCloseTo(exactLower, within(0.002 * exactLower));
        assertThat(interval.upper()).isCloseTo(exactUpper, within(0.002 * exactUpper));
    }

    /**
     * Source: OHID Fingertips technical guidance "Rates" and PHEindicatormethods {@code phe_rate}: the chi-square
     * exact method for counts below 10, Byar's method for counts of 10 or more.
     */
    @Test
    void pheRuleUsesExactBelowTenAndByarFromTen() {
        assertThat(PoissonCountIntervals.forCount(9, ConfidenceLevel.NINETY_FIVE).method())
            .isEqualTo(IntervalMethod.EXACT_POISSON);
        assertThat(PoissonCountIntervals.forCount(10, ConfidenceLevel.NINETY_FIVE).method())
            .isEqualTo(IntervalMethod.BYAR);
        assertThat(PoissonCountIntervals.forCount(0, ConfidenceLevel.NINETY_FIVE).lower()).isZero();
    }

    @Test
    void zeroCountHasALowerLimitOfZeroByEitherMethod() {
        assertThat(PoissonCountIntervals.byar(0, ConfidenceLevel.NINETY_FIVE).lower()).isZero();
        assertThat(PoissonCountIntervals.exact(0, ConfidenceLevel.NINETY_NINE_POINT_EIGHT).lower()).isZero();
    }

    @Test
    void negativeCountIsRejected() {
        assertThatThrownBy(() -> PoissonCountIntervals.forCount(-1, ConfidenceLevel.NINETY_FIVE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("non-negative");
    }
}
