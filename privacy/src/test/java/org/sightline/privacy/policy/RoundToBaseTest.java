package org.sightline.privacy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoundToBaseTest {

    @Test
    void roundsEachValueToTheNearestMultipleOfTheBase() {
        RoundToBase five = new RoundToBase(5);
        assertThat(five.round(0L)).isZero();
        assertThat(five.round(2L)).isZero();
        assertThat(five.round(3L)).isEqualTo(5);
        assertThat(five.round(7L)).isEqualTo(5);
        assertThat(five.round(8L)).isEqualTo(10);
        assertThat(five.round(1_234L)).isEqualTo(1_235);
        assertThat(five.round(null)).isNull();
    }

    @Test
    void roundedPartsNeedNotAddUpToTheRoundedTotal() {
        RoundToBase five = new RoundToBase(5);
        long a = 7;
        long b = 7;
        assertThat(five.round(a) + five.round(b)).isEqualTo(10);
        assertThat(five.round(a + b)).isEqualTo(15);
    }

    @Test
    void refusesABaseBelowOne() {
        assertThatThrownBy(() -> new RoundToBase(0)).hasMessageContaining("at least 1");
    }
}
