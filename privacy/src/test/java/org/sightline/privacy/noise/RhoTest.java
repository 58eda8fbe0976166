package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RhoTest {

    @Test
    void pureEpsilonDpCostsEpsilonSquaredOverTwo() {
        assertThat(Rho.ofPureDp(Rational.of(1, 2))).isEqualTo(new Rho(Rational.of(1, 8)));
        assertThat(Rho.ofPureDp(Rational.of(2))).isEqualTo(new Rho(Rational.of(2)));
    }

    @Test
    void discreteGaussianCostsSensitivitySquaredOverTwoSigmaSquared() {
        assertThat(Rho.ofDiscreteGaussian(Rational.of(4), Rational.ONE)).isEqualTo(new Rho(Rational.of(1, 8)));
        assertThat(Rho.ofDiscreteGaussian(Rational.of(1, 2), Rational.of(3))).isEqualTo(new Rho(Rational.of(9)));
    }

    @Test
    void compositionAddsExactly() {
        Rho total = Rho.ZERO;
        for (int i = 0; i < 10; i++) {
            total = total.plus(new Rho(Rational.of(1, 10)));
        }

        // 0.1 added ten times in doubles is 0.9999999999999999: the ledger must not drift.
        assertThat(total).isEqualTo(new Rho(Rational.ONE));
        assertThat(Rho.ofPureDp(Rational.of(1, 2)).plus(Rho.ofDiscreteGaussian(Rational.of(4), Rational.ONE)))
                .isEqualTo(new Rho(Rational.of(1, 4)));
    }

    @Test
    void convertsToEpsilonDeltaWithTheBunSteinkeBound() {
        // rho + 2 sqrt(rho ln(1/delta)) = 0.5 + 2 sqrt(0.5 * 11.512925) = 0.5 + 2 * 2.399263 = 5.298526
        ApproximateDp dp = new Rho(Rational.of(1, 2)).toApproximateDp(1e-5);

        assertThat(dp.epsilon()).isCloseTo(5.298526, within(1e-6));
        assertThat(dp.delta()).isEqualTo(1e-5);
        // rho = 1/8, delta = 1e-3: 0.125 + 2 sqrt(0.125 * 6.907755) = 0.125 + 2 * 0.929231 = 1.983462
        assertThat(new Rho(Rational.of(1, 8)).toApproximateDp(1e-3).epsilon()).isCloseTo(1.983462, within(1e-6));
    }

    @Test
    void zeroRhoIsZeroEpsilonForAnyDelta() {
        assertThat(Rho.ZERO.toApproximateDp(1e-9).epsilon()).isZero();
    }

    @Test
    void rejectsNegativeRhoAndDeltaOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new Rho(Rational.of(-1, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho")
                .hasMessageContaining("-1/8");
        assertThatThrownBy(() -> new Rho(Rational.ONE).toApproximateDp(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delta");
        assertThatThrownBy(() -> new Rho(Rational.ONE).toApproximateDp(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rho.ofPureDp(Rational.of(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> Rho.ofDiscreteGaussian(Rational.ZERO, Rational.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma^2");
    }

    @Test
    void ordersByValue() {
        assertThat(new Rho(Rational.of(1, 8))).isLessThan(new Rho(Rational.of(1, 4)));
    }
}
