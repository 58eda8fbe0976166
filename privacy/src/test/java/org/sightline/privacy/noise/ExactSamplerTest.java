package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactSamplerTest {

    private static final int DRAWS = 100_000;

    /** Binomial frequency check: |successes - n p| within 5 standard deviations. */
    private static void assertFrequency(long successes, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) successes)
                .as("successes out of %d for p = %s", n, p)
                .isBetween(n * p - 5 * sd, n * p + 5 * sd);
    }

    @Test
    void uniformBelowStaysInRangeAndHitsEveryValueEvenly() {
        var sampler = new ExactSampler(Seeded.random("uniform"));
        Map<Long, Long> counts = Seeded.histogram(DRAWS, () -> sampler.uniformBelow(BigInteger.valueOf(7)).longValueExact());

        var result = ChiSquareGoodnessOfFit.test(counts, x -> x >= 0 && x < 7 ? 1.0 / 7 : 0.0, 10);

        assertThat(counts.keySet()).allMatch(x -> x >= 0 && x < 7);
        assertThat(result.pValue()).isGreaterThan(0.001);
    }

    @Test
    void uniformBelowIsUniformForBoundsWiderThanALong() {
        var sampler = new ExactSampler(Seeded.random("wide-uniform"));
        BigInteger bound = BigInteger.valueOf(3).shiftLeft(70);
        BigInteger upperThird = BigInteger.TWO.shiftLeft(70);

        long inUpperThird = 0;
        for (int i = 0; i < DRAWS; i++) {
            BigInteger u = sampler.uniformBelow(bound);
            assertThat(u).isNotNegative().isLessThan(bound);
            if (u.compareTo(upperThird) >= 0) {
                inUpperThird++;
            }
        }
        assertFrequency(inUpperThird, DRAWS, 1.0 / 3);
    }

    @Test
    void bernoulliOfZeroNeverAndOfOneAlwaysSucceeds() {
        var sampler = new ExactSampler(Seeded.random("certain"));
        for (int i = 0; i < 1_000; i++) {
            assertThat(sampler.bernoulli(Rational.ZERO)).isFalse();
            assertThat(sampler.bernoulli(Rational.ONE)).isTrue();
        }
    }

    @Test
    void bernoulliSucceedsWithTheRationalProbability() {
        var sampler = new ExactSampler(Seeded.random("bernoulli"));
        long successes = Seeded.histogram(DRAWS, () -> sampler.bernoulli(Rational.of(2, 7)) ? 1 : 0).getOrDefault(1L, 0L);

        assertFrequency(successes, DRAWS, 2.0 / 7);
    }

    @Test
    void bernoulliExpMinusGammaBelowOneSucceedsWithProbabilityExpMinusGamma() {
        var sampler = new ExactSampler(Seeded.random("exp-small"));
        long successes = Seeded.histogram(DRAWS, () -> sampler.bernoulliExpMinus(Rational.of(3, 10)) ? 1 : 0).getOrDefault(1L, 0L);

        assertFrequency(successes, DRAWS, Math.exp(-0.3));
    }

    @Test
    void bernoulliExpMinusGammaAboveOneUsesTheIntegerPartDecomposition() {
        var sampler = new ExactSampler(Seeded.random("exp-large"));
        long successes = Seeded.histogram(DRAWS, () -> sampler.bernoulliExpMinus(Rational.of(5, 2)) ? 1 : 0).getOrDefault(1L, 0L);

        assertFrequency(successes, DRAWS, Math.exp(-2.5));
    }

    @Test
    void bernoulliExpMinusZeroAlwaysSucceeds() {
        var sampler = new ExactSampler(Seeded.random("exp-zero"));
        for (int i = 0; i < 1_000; i++) {
            assertThat(sampler.bernoulliExpMinus(Rational.ZERO)).isTrue();
        }
    }

    @Test
    void geometricHasMassProportionalToExpMinusXOverScale() {
        var sampler = new ExactSampler(Seeded.random("geometric"));
        Map<Long, Long> counts = Seeded.histogram(DRAWS, () -> sampler.geometric(BigInteger.valueOf(3)).longValueExact());
        double q = Math.exp(-1.0 / 3);

        var result = ChiSquareGoodnessOfFit.test(counts, x -> x < 0 ? 0 : (1 - q) * Math.pow(q, x), 200);

        assertThat(result.pValue()).isGreaterThan(0.001);
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        var sampler = new ExactSampler(Seeded.random("invalid"));

        assertThatThrownBy(() -> sampler.bernoulli(Rational.of(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability")
                .hasMessageContaining("3/2")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> sampler.bernoulli(Rational.of(-1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1/2");
    }

    @Test
    void rejectsANegativeExponent() {
        var sampler = new ExactSampler(Seeded.random("invalid"));

        assertThatThrownBy(() -> sampler.bernoulliExpMinus(Rational.of(-1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma")
                .hasMessageContaining("-1/3");
    }

    @Test
    void rejectsNonPositiveBoundsAndScales() {
        var sampler = new ExactSampler(Seeded.random("invalid"));

        assertThatThrownBy(() -> sampler.uniformBelow(BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bound")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> sampler.geometric(BigInteger.valueOf(-2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> sampler.discreteLaplace(Rational.of(-1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale")
                .hasMessageContaining("-1/2");
        assertThatThrownBy(() -> sampler.discreteGaussian(Rational.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma^2")
                .hasMessageContaining("0");
    }

    @Test
    void requiresARandomGenerator() {
        assertThatThrownBy(() -> new ExactSampler(null)).isInstanceOf(NullPointerException.class);
    }
}
