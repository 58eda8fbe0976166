package org.sightline.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sightline.domain.observation.InvalidQueryException;

/** Opaque cursors: the sort key of the last item seen, base64url-encoded, so paging is by key, not offset. */
public final class Cursors {

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
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("after '" + cursor + "' is not a cursor returned by this API");
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
