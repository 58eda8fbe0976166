package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscreteGaussianTest {

    private static final int SAMPLES = 100_000;

    @ParameterizedTest(name = "sigma^2 {0}")
    @CsvSource({"4", "1/2", "10/3"})
    void samplesFollowTheExactDiscreteGaussianDistribution(String sigmaSquared) {
        var mechanism = new DiscreteGaussian(Rational.parse(sigmaSquared));
        var random = Seeded.random("gaussian " + sigmaSquared);
        Map<Long, Long> counts = Seeded.histogram(SAMPLES, () -> mechanism.sample(random));

        var result = ChiSquareGoodnessOfFit.test(
                counts, ReferenceDistributions.discreteGaussian(Rational.parse(sigmaSquared).doubleValue()), 500);

        assertThat(result.pValue()).as("chi-square %s", result).isGreaterThan(0.001);
    }

    @Test
    void wideGaussianHasVarianceSigmaSquared() {
        var mechanism = new DiscreteGaussian(Rational.of(1_000_000));
        var random = Seeded.random("gaussian variance");
        int n = 20_000;
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            long x = mechanism.sample(random);
            sumOfSquares += (double) x * x;
        }

        // For sigma = 1000 the discrete variance equals sigma^2 to many digits; the sample second
        // moment of a normal has relative standard error sqrt(2 / n).
        double tolerance = 5 * Math.sqrt(2.0 / n);
        assertThat(sumOfSquares / n).isBetween(1e6 * (1 - tolerance), 1e6 * (1 + tolerance));
    }

    @Test
    void rejectsANonPositiveVarianceParameterSayingWhatIsExpected() {
        assertThatThrownBy(() -> new DiscreteGaussian(Rational.of(-4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma^2")
                .hasMessageContaining("-4")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new DiscreteGaussian(Rational.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscreteGaussian(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void costsSensitivitySquaredOverTwoSigmaSquared() {
        assertThat(new DiscreteGaussian(Rational.of(4)).privacyCost(Rational.ONE)).isEqualTo(new Rho(Rational.of(1, 8)));
        assertThat(new DiscreteGaussian(Rational.of(1, 2)).privacyCost(Rational.of(2))).isEqualTo(new Rho(Rational.of(4)));
    }

    @Test
    void sigmaSquaredForRhoInvertsTheCost() {
        var mechanism = DiscreteGaussian.forRho(Rational.of(1, 8), Rational.ONE);

        assertThat(mechanism.sigmaSquared()).isEqualTo(Rational.of(4));
        assertThat(mechanism.privacyCost(Rational.ONE).value()).isEqualTo(Rational.of(1, 8));
        assertThatThrownBy(() -> DiscreteGaussian.forRho(Rational.ZERO, Rational.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho");
    }

    @ParameterizedTest(name = "sigma^2 {0}, confidence {1}")
    @CsvSource({"4, 0.95", "1/2, 0.9", "100, 0.95", "100, 0.99", "1/100, 0.5", "1000000, 0.95"})
    void halfWidthIsTheSmallestBoundWhoseExactTailProbabilityIsWithinAlpha(String sigmaSquared, double confidence) {
        var mechanism = new DiscreteGaussian(Rational.parse(sigmaSquared));
        LongToDoubleFunction pmf = ReferenceDistributions.discreteGaussian(Rational.parse(sigmaSquared).doubleValue());
        double alpha = 1 - confidence;

        long k = mechanism.halfWidth(confidence);

        assertThat(ReferenceDistributions.twoSidedTail(pmf, k)).isLessThanOrEqualTo(alpha);
        if (k > 0) {
            assertThat(ReferenceDistributions.twoSidedTail(pmf, k - 1)).isGreaterThan(alpha);
        }
    }

    @Test
    void halfWidthIsCloseToSigmaTimesTheNormalQuantileForWideNoise() {
        // sigma = 1000: continuous bound 1.959964 * 1000 = 1959.96.
        assertThat(new DiscreteGaussian(Rational.of(1_000_000)).halfWidth(0.95)).isBetween(1959L, 1961L);
    }

    @Test
    void rejectsANegativeSensitivityAndAConfidenceLevelOutsideTheOpenUnitInterval() {
        var mechanism = new DiscreteGaussian(Rational.ONE);

        assertThatThrownBy(() -> mechanism.privacyCost(Rational.of(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sensitivity")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> mechanism.halfWidth(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence")
                .hasMessageContaining("1.5");
    }

    @Test
    void canonicalFormIdentifiesTheDistributionRegardlessOfHowTheParameterWasWritten() {
        assertThat(new DiscreteGaussian(Rational.of(8, 2)).canonicalForm())
                .isEqualTo(new DiscreteGaussian(Rational.parse("4.0")).canonicalForm())
                .isEqualTo("discrete-gaussian(sigma^2=4)");
    }
}
