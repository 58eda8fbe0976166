package org.sightline.api.intake;

import java.util.regex.Pattern;
import org.sightline.api.postcodes.PostcodeKey;

/**
 * Decides whether a value from a record file may be repeated in a message: only a short code-like
 * token (a local ethnicity code such as {@code WBRI} or {@code 12}) is; anything that could be a
 * postcode, a date, a long number or free text is not, whatever column it was found in.
 */
final class CodeToken {

    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9_.+-]{1,16}");
    private static final Pattern DATE_LIKE = Pattern.compile(".*\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}.*");
    private static final Pattern LONG_NUMBER = Pattern.compile(".*\\d{5,}.*");

    private CodeToken() {
    }

    /** The value if it may be repeated, else null. */
    static String echoable(String value) {
        if (value == null || !CODE_LIKE.matcher(value).matches() || DATE_LIKE.matcher(value).matches()
                || LONG_NUMBER.matcher(value).matches() || PostcodeKey.looksLikePostcode(value)) {
            return null;
        }
        return value;
    }
}
