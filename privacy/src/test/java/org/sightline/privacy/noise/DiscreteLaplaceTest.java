package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscreteLaplaceTest {

    private static final int SAMPLES = 100_000;

    @ParameterizedTest(name = "scale {0}")
    @CsvSource({"2", "1/2", "7/3"})
    void samplesFollowTheExactDiscreteLaplaceDistribution(String scale) {
        var mechanism = new DiscreteLaplace(Rational.parse(scale));
        var random = Seeded.random("laplace " + scale);
        Map<Long, Long> counts = Seeded.histogram(SAMPLES, () -> mechanism.sample(random));

        var result = ChiSquareGoodnessOfFit.test(
                counts, ReferenceDistributions.discreteLaplace(Rational.parse(scale).doubleValue()), 500);

        assertThat(result.pValue()).as("chi-square %s", result).isGreaterThan(0.001);
    }

    @Test
    void largeRationalScaleHasTheDiscreteLaplaceVariance() {
        var mechanism = new DiscreteLaplace(Rational.of(1000, 3));
        var random = Seeded.random("laplace variance");
        int n = 20_000;
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            long x = mechanism.sample(random);
            sumOfSquares += (double) x * x;
        }
        double q = Math.exp(-3.0 / 1000);
        double variance = 2 * q / ((1 - q) * (1 - q));

        // The sample second moment of a Laplace has relative standard error sqrt(5 / n) (kurtosis 6).
        assertThat(sumOfSquares / n).isBetween(variance * (1 - 5 * Math.sqrt(5.0 / n)), variance * (1 + 5 * Math.sqrt(5.0 / n)));
    }

    @Test
    void rejectsANonPositiveScaleSayingWhatIsExpected() {
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.of(-2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale")
                .hasMessageContaining("-2")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscreteLaplace(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void scaleForPureDpIsSensitivityOverEpsilon() {
        var mechanism = DiscreteLaplace.forPureDp(Rational.of(1, 2), Rational.ONE);

        assertThat(mechanism.scale()).isEqualTo(Rational.of(2));
        assertThatThrownBy(() -> DiscreteLaplace.forPureDp(Rational.ZERO, Rational.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon");
    }

    @Test
    void costsEpsilonSquaredOverTwoInZcdpWithEpsilonSensitivityOverScale() {
        // scale 2, sensitivity 1: epsilon = 1/2, rho = 1/8.
        assertThat(new DiscreteLaplace(Rational.of(2)).privacyCost(Rational.ONE)).isEqualTo(new Rho(Rational.of(1, 8)));
        // sensitivity 3: epsilon = 3/2, rho = 9/8.
        assertThat(new DiscreteLaplace(Rational.of(2)).privacyCost(Rational.of(3))).isEqualTo(new Rho(Rational.of(9, 8)));
    }

    @Test
    void rejectsANegativeSensitivity() {
        assertThatThrownBy(() -> new DiscreteLaplace(Rational.ONE).privacyCost(Rational.of(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensitivity")
                .hasMessageContaining("-1");
    }

    @ParameterizedTest(name = "scale {0}, confidence {1}")
    @CsvSource({"2, 0.95", "1/2, 0.9", "10, 0.95", "10, 0.99", "1/10, 0.5", "1000, 0.999"})
    void halfWidthIsTheSmallestBoundWhoseExactTailProbabilityIsWithinAlpha(String scale, double confidence) {
        var mechanism = new DiscreteLaplace(Rational.parse(scale));
        LongToDoubleFunction pmf = ReferenceDistributions.discreteLaplace(Rational.parse(scale).doubleValue());
        double alpha = 1 - confidence;

        long k = mechanism.halfWidth(confidence);

        assertThat(ReferenceDistributions.twoSidedTail(pmf, k)).isLessThanOrEqualTo(alpha);
        if (k > 0) {
            assertThat(ReferenceDistributions.twoSidedTail(pmf, k - 1)).isGreaterThan(alpha);
        }
    }

    @Test
    void halfWidthIsCloseToTheContinuousLaplaceBound() {
        // Continuous Laplace: b ln(1/alpha) = 100 ln 20 = 299.57; the discrete one differs by discreteness only.
        assertThat(new DiscreteLaplace(Rational.of(100)).halfWidth(0.95)).isBetween(299L, 301L);
    }

    @Test
    void rejectsAConfidenceLevelOutsideTheOpenUnitInterval() {
        var mechanism = new DiscreteLaplace(Rational.ONE);

        assertThatThrownBy(() -> mechanism.halfWidth(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> mechanism.halfWidth(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mechanism.halfWidth(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonicalFormIdentifiesTheDistributionRegardlessOfHowTheScaleWasWritten() {
        assertThat(new DiscreteLaplace(Rational.of(2, 4)).canonicalForm())
                .isEqualTo(new DiscreteLaplace(Rational.parse("0.5")).canonicalForm())
                .isEqualTo("discrete-laplace(scale=1/2)");
    }
}
