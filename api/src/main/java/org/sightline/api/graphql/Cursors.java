package org.sightline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import org.sightline.domain.observation.InvalidQueryException;

/** Opaque cursors: the sort key of the last item seen, base64url-encoded, so paging is by key, not offset. */
public final class Cursors {

    /** Longer than any cursor this API issues (keys are codes and sort values of a few hundred characters at most). */
    private static final int MAX_CURSOR_LENGTH = 1000;

    private Cursors() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the key, or null for a null cursor */
    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (cursor.isEmpty()) {
            return null;
        }
        InvalidQueryException notOurs = new InvalidQueryException("after '" + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor)
                + "' is not a cursor returned by this API");
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw notOurs;
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw notOurs;
        }
        // Our keys are codes and numbers: text without control characters. Anything else was not issued here
        // (and a NUL would reach the database as a key).
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(key)).toString();
            if (text.chars().anyMatch(c -> c < 0x20)) {
                throw notOurs;
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notOurs;
        }
    }

    /** Checks the page size a caller asked for. */
    public static int pageSize(Integer first, int max) {
        int size = first == null ? max : first;
        if (size < 0 || size > max) {
            throw new InvalidQueryException("first must be between 0 and " + max);
        }
        return size;
    }
}
