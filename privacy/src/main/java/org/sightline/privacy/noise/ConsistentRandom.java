package org.sightline.privacy.noise;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deterministic, cryptographically strong stream of random bits: HMAC-SHA256 as a pseudorandom
 * function in counter mode. Block i (i = 0, 1, ...) is HMAC-SHA256(key, i as 8 big-endian bytes);
 * {@link #nextLong()} reads the blocks in order, 8 bytes at a time, big-endian.
 *
 * <p>Why not the JDK's {@code SecureRandom.getInstance("DRBG", ...)}: on Java 17 it always mixes
 * entropy from the system into its seed, even with a personalisation string and
 * {@code setSeed}, so it cannot be made to repeat. Counter-mode HMAC is the simplest construction
 * whose output, for a secret key, cannot be told apart from uniform random bits by anyone without
 * the key (the PRF security of HMAC), which is exactly what the noise needs.
 *
 * <p>Same key, same stream, forever: do not change the construction without versioning the key
 * derivation in {@link ConsistentNoise}. Not thread-safe; use one instance per cell.
 */
public final class ConsistentRandom implements RandomGenerator {

    /** 256 bits, the output size of the PRF: a shorter key would be the weakest link. */
    public static final int KEY_BYTES = 32;

    private static final String HMAC = "HmacSHA256";

    private final Mac mac;
    private final ByteBuffer counterBytes = ByteBuffer.allocate(Long.BYTES);
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    /**
     * @param key at least {@value #KEY_BYTES} bytes, secret and uniformly random (or derived by HMAC
     *     from such a secret); copied
     * @throws IllegalArgumentException if the key is shorter
     */
    public ConsistentRandom(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException(
                    "key must be at least " + KEY_BYTES + " bytes, was " + key.length + " bytes");
        }
        this.mac = hmac(key);
    }

    static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(Arrays.copyOf(key, key.length), HMAC));
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("key is not usable for " + HMAC, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is required of every Java platform but is missing", e);
        }
    }

    @Override
    public long nextLong() {
        if (block.remaining() < Long.BYTES) {
            counterBytes.clear();
            counterBytes.putLong(counter++);
            block = ByteBuffer.wrap(mac.doFinal(counterBytes.array()));
        }
        return block.getLong();
    }

    @Override
    public String toString() {
        return "ConsistentRandom[HMAC-SHA256 counter mode, block " + counter + "]";
    }
}
