package org.sightline.privacy.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void normalisesToLowestTermsWithAPositiveDenominator() {
        Rational r = Rational.of(6, -4);

        assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(r.denominator()).isEqualTo(BigInteger.TWO);
        assertThat(r).isEqualTo(Rational.of(-3, 2));
    }

    @Test
    void zeroHasTheSingleCanonicalFormZeroOverOne() {
        assertThat(Rational.of(0, -7)).isEqualTo(Rational.ZERO);
        assertThat(Rational.ZERO.denominator()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void rejectsAZeroDenominatorNamingTheNumerator() {
        assertThatThrownBy(() -> Rational.of(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("denominator")
                .hasMessageContaining("3");
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.of(1, 3);
        Rational sixth = Rational.of(1, 6);

        assertThat(third.add(sixth)).isEqualTo(Rational.of(1, 2));
        assertThat(third.subtract(sixth)).isEqualTo(sixth);
        assertThat(third.multiply(sixth)).isEqualTo(Rational.of(1, 18));
        assertThat(third.divide(sixth)).isEqualTo(Rational.of(2));
        assertThat(Rational.of(7, 2).floor()).isEqualTo(BigInteger.valueOf(3));
        assertThat(Rational.of(-7, 2).floor()).isEqualTo(BigInteger.valueOf(-4));
    }

    @Test
    void refusesToDivideByZero() {
        assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesByValueNotByRepresentation() {
        assertThat(Rational.of(1, 3)).isLessThan(Rational.of(1, 2));
        assertThat(Rational.of(-1, 2).compareTo(Rational.of(-2, 4))).isZero();
    }

    @Test
    void parsesFractionsIntegersAndDecimalsExactly() {
        assertThat(Rational.parse("3/2")).isEqualTo(Rational.of(3, 2));
        assertThat(Rational.parse(" -4 ")).isEqualTo(Rational.of(-4));
        assertThat(Rational.parse("0.125")).isEqualTo(Rational.of(1, 8));
        assertThat(Rational.of(new BigDecimal("1.10"))).isEqualTo(Rational.of(11, 10));
    }

    @Test
    void rejectsUnparseableTextQuotingIt() {
        assertThatThrownBy(() -> Rational.parse("one half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'one half'");
    }

    @Test
    void printsInTheFormItParses() {
        assertThat(Rational.of(2, 4)).hasToString("1/2");
        assertThat(Rational.of(4, 2)).hasToString("2");
        assertThat(Rational.parse(Rational.of(-5, 3).toString())).isEqualTo(Rational.of(-5, 3));
    }
}
