package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The goodness-of-fit machinery is itself under test: the sampler tests are only as good as it. */
class ChiSquareGoodnessOfFitTest {

    @Test
    void survivalFunctionMatchesPublishedCriticalValues() {
        // Critical values from standard chi-square tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4).
        assertThat(ChiSquareGoodnessOfFit.survival(3.841, 1)).isCloseTo(0.05, within(1e-4));
        assertThat(ChiSquareGoodnessOfFit.survival(18.307, 10)).isCloseTo(0.05, within(1e-4));
        assertThat(ChiSquareGoodnessOfFit.survival(29.588, 10)).isCloseTo(0.001, within(1e-5));
        assertThat(ChiSquareGoodnessOfFit.survival(59.703, 30)).isCloseTo(0.001, within(1e-5));
        assertThat(ChiSquareGoodnessOfFit.survival(2.0, 2)).isCloseTo(Math.exp(-1), within(1e-12));
    }

    @Test
    void acceptsExactlyExpectedCounts() {
        LongToDoubleFunction pmf = ReferenceDistributions.discreteLaplace(2);
        Map<Long, Long> observed = new HashMap<>();
        for (long x = -30; x <= 30; x++) {
            observed.put(x, Math.round(1_000_000 * pmf.applyAsDouble(x)));
        }

        assertThat(ChiSquareGoodnessOfFit.test(observed, pmf, 200).pValue()).isGreaterThan(0.99);
    }

    @Test
    void rejectsSamplesFromADistributionWithASlightlyWrongScale() {
        var random = Seeded.random("wrong-scale");
        Map<Long, Long> observed = Seeded.histogram(100_000, () -> new DiscreteLaplace(Rational.of(22, 10)).sample(random));

        var result = ChiSquareGoodnessOfFit.test(observed, ReferenceDistributions.discreteLaplace(2), 400);

        assertThat(result.pValue()).isLessThan(1e-6);
    }
}
