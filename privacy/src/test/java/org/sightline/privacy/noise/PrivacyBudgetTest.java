package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrivacyBudgetTest {

    private static final Rho EIGHTH = new Rho(Rational.of(1, 8));

    @Test
    void chargingAddsTheCostToWhatHasBeenSpent() {
        var budget = PrivacyBudget.unspent(new Rho(Rational.of(1, 2))).charge(EIGHTH).charge(EIGHTH);

        assertThat(budget.spent()).isEqualTo(new Rho(Rational.of(1, 4)));
        assertThat(budget.remaining()).isEqualTo(new Rho(Rational.of(1, 4)));
    }

    @Test
    void mayBeSpentExactlyToItsLimit() {
        var budget = PrivacyBudget.unspent(new Rho(Rational.of(1, 4))).charge(EIGHTH);

        assertThat(budget.allows(EIGHTH)).isTrue();
        assertThat(budget.charge(EIGHTH).remaining()).isEqualTo(Rho.ZERO);
    }

    @Test
    void refusesAChargeThatWouldExceedTheLimitAndChargesNothing() {
        var budget = PrivacyBudget.unspent(new Rho(Rational.of(1, 4))).charge(EIGHTH).charge(EIGHTH);

        assertThat(budget.allows(new Rho(Rational.of(1, 1000)))).isFalse();
        assertThatThrownBy(() -> budget.charge(EIGHTH))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("1/8")
                .hasMessageContaining("remaining 0")
                .hasMessageContaining("1/4");
        assertThat(budget.spent()).isEqualTo(new Rho(Rational.of(1, 4)));
    }

    @Test
    void cannotBeBuiltAlreadyOverspent() {
        assertThatThrownBy(() -> new PrivacyBudget(EIGHTH, new Rho(Rational.of(1, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spent");
    }
}
