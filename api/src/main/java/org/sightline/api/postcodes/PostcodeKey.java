package org.sightline.api.postcodes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A UK postcode reduced to what Sightline keeps of it: the 64-bit key the directory is stored
 * under (the first 8 bytes of SHA-256 of the normalised postcode) and its sector. The postcode
 * text itself is never stored, logged or echoed; see V10__postcode_directory.sql for why the
 * directory is keyed by a digest.
 *
 * @param key    the directory key
 * @param sector the postcode sector, outward code and first digit of the inward code ({@code M33 7})
 */
public record PostcodeKey(long key, String sector) {

    /** Every UK postcode shape (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA), spaces removed. */
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * The key of a postcode as a file writes it ({@code m33 7xx}, {@code M337XX}, {@code M33  7XX}),
     * or empty if it is not shaped like a postcode.
     */
    public static Optional<PostcodeKey> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (!POSTCODE.matcher(normalised).matches()) {
            return Optional.empty();
        }
        int inward = normalised.length() - 3;
        return Optional.of(new PostcodeKey(digest(normalised), normalised.substring(0, inward) + " " + normalised.charAt(inward)));
    }

    /** Whether a value looks like a postcode, so messages can refuse to echo it. */
    public static boolean looksLikePostcode(String raw) {
        return of(raw).isPresent();
    }

    private static long digest(String normalised) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
