package org.sightline.privacy.noise;

import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exact samplers for the distributions behind integer differential-privacy noise, following
 * Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020,
 * arXiv:2004.00010), Algorithms 1 to 3.
 *
 * <p>Exact means every probability is a rational number or {@code exp} of one, realised by
 * comparing uniform random integers with integers: no floating-point value is ever computed, so
 * there are no rounding artefacts for an attacker to read (Mironov, CCS 2012). The only randomness
 * is {@link RandomGenerator#nextLong()} of the injected generator, whose 64 bits must be uniform and
 * independent (true of {@link java.security.SecureRandom}, {@link ConsistentRandom} and
 * {@link java.util.Random}).
 *
 * <p>The running time depends on the random bits (rejection sampling) and therefore on the noise
 * drawn, never on the data the noise protects. Not thread-safe if the generator is not; create one
 * sampler per generator, which is cheap.
 */
public final class ExactSampler {

    private static final Rational HALF = Rational.of(1, 2);
    private static final long LONG_PATH_LIMIT = 1L << 62;

    private final RandomGenerator random;

    /** @param random the source of uniform bits; production passes a SecureRandom-grade generator */
    public ExactSampler(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * A uniform integer in {@code [0, bound)}, by rejection: draw just enough bits to cover
     * {@code bound - 1} and retry when the draw is too large, so every value has probability
     * exactly {@code 1 / bound} (taking a remainder would favour small values).
     *
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public BigInteger uniformBelow(BigInteger bound) {
        if (bound.signum() <= 0) {
            throw new IllegalArgumentException("bound for a uniform integer must be positive, was " + bound);
        }
        if (bound.compareTo(BigInteger.valueOf(LONG_PATH_LIMIT)) <= 0) {
            return BigInteger.valueOf(uniformBelow(bound.longValueExact()));
        }
        int bits = bound.subtract(BigInteger.ONE).bitLength();
        while (true) {
            BigInteger candidate = randomBits(bits);
            if (candidate.compareTo(bound) < 0) {
                return candidate;
            }
        }
    }

    private long uniformBelow(long bound) {
        if (bound == 1) {
            return 0;
        }
        int bits = 64 - Long.numberOfLeadingZeros(bound - 1);
        while (true) {
            long candidate = random.nextLong() >>> (64 - bits);
            if (candidate < bound) {
                return candidate;
            }
        }
    }

    private BigInteger randomBits(int bits) {
        BigInteger value = BigInteger.ZERO;
        int remaining = bits;
        while (remaining > 0) {
            int take = Math.min(remaining, 63);
            value = value.shiftLeft(take).or(BigInteger.valueOf(random.nextLong() >>> (64 - take)));
            remaining -= take;
        }
        return value;
    }

    /**
     * True with probability exactly {@code p}: a uniform integer below the denominator is less than
     * the numerator.
     *
     * @throws IllegalArgumentException if {@code p} is outside [0, 1]
     */
    public boolean bernoulli(Rational p) {
        if (p.signum() < 0 || p.compareTo(Rational.ONE) > 0) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        return uniformBelow(p.denominator()).compareTo(p.numerator()) < 0;
    }

    /**
     * True with probability exactly {@code exp(-gamma)} (Algorithm 1).
     *
     * <p>For gamma in [0, 1] the number K of successive successes of Bernoulli(gamma / k), k = 1, 2,
     * ..., satisfies P(K odd) = exp(-gamma) (the alternating series of exp). Larger gamma is split as
     * exp(-gamma) = exp(-1)^floor(gamma) * exp(floor(gamma) - gamma): one independent trial per factor,
     * stopping at the first failure, so the expected work stays bounded for any gamma.
     *
     * @throws IllegalArgumentException if {@code gamma} is negative
     */
    public boolean bernoulliExpMinus(Rational gamma) {
        if (gamma.signum() < 0) {
            throw new IllegalArgumentException("gamma in exp(-gamma) must be non-negative, was " + gamma);
        }
        if (gamma.compareTo(Rational.ONE) <= 0) {
            return bernoulliExpMinusAtMostOne(gamma);
        }
        BigInteger whole = gamma.floor();
        for (BigInteger k = BigInteger.ONE; k.compareTo(whole) <= 0; k = k.add(BigInteger.ONE)) {
            if (!bernoulliExpMinusAtMostOne(Rational.ONE)) {
                return false;
            }
        }
        return bernoulliExpMinusAtMostOne(gamma.subtract(Rational.of(whole)));
    }

    private boolean bernoulliExpMinusAtMostOne(Rational gamma) {
        BigInteger k = BigInteger.ONE;
        while (bernoulli(gamma.divide(Rational.of(k)))) {
            k = k.add(BigInteger.ONE);
        }
        return k.testBit(0);
    }

    /**
     * A geometric integer X >= 0 with P(X = x) = (1 - exp(-1/t)) exp(-x/t) for a positive integer t
     * (the first half of Algorithm 2): X = U + t V, where U is uniform below t kept with probability
     * exp(-U/t), which makes it the remainder of X modulo t, and V counts successes of Bernoulli(exp(-1))
     * before the first failure, which makes it the quotient.
     *
     * @throws IllegalArgumentException if {@code t} is not positive
     */
    public BigInteger geometric(BigInteger t) {
        if (t.signum() <= 0) {
            throw new IllegalArgumentException("scale t of the geometric sampler must be a positive integer, was " + t);
        }
        Rational scale = Rational.of(t);
        BigInteger remainder;
        do {
            remainder = uniformBelow(t);
        } while (!bernoulliExpMinus(Rational.of(remainder).divide(scale)));
        BigInteger quotient = BigInteger.ZERO;
        while (bernoulliExpMinus(Rational.ONE)) {
            quotient = quotient.add(BigInteger.ONE);
        }
        return remainder.add(t.multiply(quotient));
    }

    /**
     * A discrete Laplace integer Z with P(Z = z) proportional to exp(-|z| / scale) (Algorithm 2).
     *
     * <p>With scale = t / s in lowest terms, a geometric X of parameter 1/t divided by s and rounded
     * down is geometric with parameter s/t; a random sign then makes it two-sided, rejecting "-0" so
     * that zero is not counted twice.
     *
     * @throws IllegalArgumentException if {@code scale} is not positive
     */
    public BigInteger discreteLaplace(Rational scale) {
        if (scale.signum() <= 0) {
            throw new IllegalArgumentException("scale of the discrete Laplace must be positive, was " + scale);
        }
        BigInteger t = scale.numerator();
        BigInteger s = scale.denominator();
        while (true) {
            BigInteger magnitude = geometric(t).divide(s);
            boolean negative = bernoulli(HALF);
            if (negative && magnitude.signum() == 0) {
                continue;
            }
            return negative ? magnitude.negate() : magnitude;
        }
    }

    /**
     * A discrete Gaussian integer Y with P(Y = y) proportional to exp(-y^2 / (2 sigma^2))
     * (Algorithm 3): propose from a discrete Laplace of integer scale t = floor(sigma) + 1 and accept
     * with probability exp(-(|y| - sigma^2/t)^2 / (2 sigma^2)), the ratio of the target to a multiple
     * of the proposal. This t keeps the expected number of proposals below about 2.
     *
     * @throws IllegalArgumentException if {@code sigmaSquared} is not positive
     */
    public BigInteger discreteGaussian(Rational sigmaSquared) {
        if (sigmaSquared.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 of the discrete Gaussian must be positive, was " + sigmaSquared);
        }
        // floor(sigma) is the largest m with m^2 <= sigma^2, i.e. with m^2 <= floor(sigma^2).
        Rational t = Rational.of(sigmaSquared.floor().sqrt().add(BigInteger.ONE));
        Rational twoSigmaSquared = sigmaSquared.multiply(Rational.of(2));
        Rational shift = sigmaSquared.divide(t);
        while (true) {
            BigInteger candidate = discreteLaplace(t);
            Rational distance = Rational.of(candidate.abs()).subtract(shift);
            if (bernoulliExpMinus(distance.multiply(distance).divide(twoSigmaSquared))) {
                return candidate;
            }
        }
    }
}
