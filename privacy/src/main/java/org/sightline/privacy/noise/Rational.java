package org.sightline.privacy.noise;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exact rational number {@code numerator / denominator}.
 *
 * <p>Always in lowest terms with a positive denominator (zero is {@code 0/1}), so two rationals are
 * {@link #equals equal} exactly when they have the same value and {@link #toString()} is a canonical
 * text form, which {@link #parse} reads back. Immutable and thread-safe.
 *
 * @param numerator the signed numerator, in lowest terms
 * @param denominator the positive denominator, in lowest terms
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

    public static final Rational ZERO = of(0);
    public static final Rational ONE = of(1);

    private static final Pattern FRACTION = Pattern.compile("([+-]?\\d+)\\s*/\\s*(\\d+)");

    /**
     * Normalises to lowest terms with a positive denominator.
     *
     * @throws IllegalArgumentException if the denominator is zero
     */
    public Rational {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("denominator of " + numerator + "/0 must not be zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Rational of(long integer) {
        return new Rational(BigInteger.valueOf(integer), BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(BigInteger integer) {
        return new Rational(integer, BigInteger.ONE);
    }

    /** The exact value of a decimal, e.g. {@code 0.1} is {@code 1/10}, not the nearest double. */
    public static Rational of(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() <= 0
                ? of(stripped.toBigIntegerExact())
                : new Rational(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    /**
     * Reads a fraction ({@code "3/2"}, {@code "-1/8"}), an integer ({@code "4"}) or a decimal
     * ({@code "0.125"}), as written in configuration, exactly.
     *
     * @throws IllegalArgumentException naming the text if it is none of these
     */
    public static Rational parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        Matcher fraction = FRACTION.matcher(trimmed);
        if (fraction.matches()) {
            return new Rational(new BigInteger(fraction.group(1)), new BigInteger(fraction.group(2)));
        }
        try {
            return of(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a rational number; expected a fraction like 3/2, an integer or a decimal", e);
        }
    }

    public Rational add(Rational other) {
        return new Rational(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational subtract(Rational other) {
        return add(other.negate());
    }

    public Rational multiply(Rational other) {
        return new Rational(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** @throws ArithmeticException if {@code divisor} is zero */
    public Rational divide(Rational divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division of " + this + " by zero");
        }
        return new Rational(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    public int signum() {
        return numerator.signum();
    }

    /** The greatest integer not above this value (rounds towards negative infinity). */
    public BigInteger floor() {
        // BigInteger division truncates towards zero, which is one too high for negative non-integers.
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        return quotientAndRemainder[1].signum() < 0
                ? quotientAndRemainder[0].subtract(BigInteger.ONE)
                : quotientAndRemainder[0];
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The nearest double, for display and reporting only; never for sampling. */
    public double doubleValue() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), new java.math.MathContext(25)).doubleValue();
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** {@code "n/d"}, or just {@code "n"} for an integer; canonical because the fields are normalised. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
