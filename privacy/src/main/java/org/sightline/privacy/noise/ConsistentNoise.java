package org.sightline.privacy.noise;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * Noise that is a deterministic function of the question: the same (server secret, indicator,
 * release, set of base cells, mechanism) always gets the same noise, so asking again, or asking an
 * equivalent question, reveals nothing new and averaging repeated answers gains nothing. Change any
 * of them and the noise is, to anyone without the secret, independent.
 *
 * <p>Derivation: key = HMAC-SHA256(serverSecret, encoding), where the encoding is the version tag
 * {@value #VERSION} followed by the indicator id, the release id, the number of base cells, each
 * base cell key in sorted order, and the mechanism's {@link NoiseMechanism#canonicalForm()}, every
 * string as UTF-8 preceded by its 4-byte big-endian length (so no two different tuples share an
 * encoding by moving a separator). The key drives a {@link ConsistentRandom} stream, from which the
 * mechanism samples exactly.
 *
 * <p>The release id must change whenever the data behind it changes (a correction, a late
 * return): the same noise on two different true values lets anyone subtract the two answers and
 * learn the exact change. The independence between cells is computational (it holds against anyone
 * who cannot break HMAC-SHA256 without the secret), which is the usual assumption for a DRBG.
 *
 * <p>Every published noisy value depends on this derivation, on the stream and on how the samplers
 * consume it: changing any of them must come with a new version tag, and re-releases under it are
 * fresh noise that must be charged to the privacy budget again. Thread-safe.
 */
public final class ConsistentNoise {

    /** Domain separation, and the version of the whole derivation. */
    public static final String VERSION = "sightline/consistent-noise/v1";

    private final byte[] serverSecret;

    /**
     * @param serverSecret at least 32 random bytes known only to the server; copied. Whoever
     *     knows it can compute the noise and subtract it.
     * @throws IllegalArgumentException if the secret is shorter than 32 bytes
     */
    public ConsistentNoise(byte[] serverSecret) {
        if (serverSecret.length < ConsistentRandom.KEY_BYTES) {
            throw new IllegalArgumentException("server secret must be at least " + ConsistentRandom.KEY_BYTES
                    + " bytes, was " + serverSecret.length + " bytes");
        }
        this.serverSecret = Arrays.copyOf(serverSecret, serverSecret.length);
    }

    /** The random stream for this cell and mechanism; a fresh stream, from its start, on every call. */
    public ConsistentRandom randomFor(CellIdentity cell, NoiseMechanism mechanism) {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(mechanism, "mechanism");
        Mac mac = ConsistentRandom.hmac(serverSecret);
        return new ConsistentRandom(mac.doFinal(encode(cell, mechanism)));
    }

    /** The noise to add to this cell's true value; the same on every call. */
    public long noiseFor(CellIdentity cell, NoiseMechanism mechanism) {
        return mechanism.sample(randomFor(cell, mechanism));
    }

    private static byte[] encode(CellIdentity cell, NoiseMechanism mechanism) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, VERSION);
        writeString(out, cell.indicatorId());
        writeString(out, cell.releaseId());
        writeInt(out, cell.baseCellKeys().size());
        cell.baseCellKeys().forEach(key -> writeString(out, key));
        writeString(out, mechanism.canonicalForm());
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }

    @Override
    public String toString() {
        return "ConsistentNoise[" + VERSION + ", secret redacted]";
    }
}
