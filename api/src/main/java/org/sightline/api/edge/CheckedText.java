package org.sightline.api.edge;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.sightline.api.web.UnreadableTextException;

/**
 * A request body checked as it is read, byte by byte and without holding it: every byte must be
 * part of well-formed UTF-8 and none may be NUL, nor (in JSON) the escape {@code \u0000} - PostgreSQL
 * cannot store NUL in text, and a NUL or broken byte in a code would otherwise fail deep inside an
 * import. Throws {@link UnreadableTextException} naming the line as soon as the bad byte arrives.
 */
final class CheckedText extends FilterInputStream {

    private final boolean json;
    private long line = 1;
    /** Continuation bytes still expected for the current UTF-8 sequence, and the allowed range of the next one. */
    private int continuations;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;
    /** JSON escapes: a run of backslashes, and how far into {@code u0000} an odd run has got. */
    private int backslashes;
    private int escapeProgress = -1;

    CheckedText(InputStream body, boolean json) {
        super(body);
        this.json = json;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else {
            atEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            atEnd();
        }
        for (int i = 0; i < n; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    private void atEnd() {
        if (continuations > 0) {
            throw new UnreadableTextException(line, "line " + line + ": the text ends inside a UTF-8 character; send UTF-8");
        }
    }

    private void check(int b) {
        if (continuations > 0) {
            if (b < nextLow || b > nextHigh) {
                throw notUtf8();
            }
            continuations--;
            nextLow = 0x80;
            nextHigh = 0xBF;
            return;
        }
        if (b == 0) {
            throw new UnreadableTextException(line, "line " + line + ": the text contains a NUL byte, which no field may hold");
        }
        if (b >= 0x80) {
            utf8Lead(b);
            return;
        }
        if (b == '\n') {
            line++;
        }
        if (json) {
            jsonEscape(b);
        }
    }

    /** The bytes a lead byte allows after it (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). */
    private void utf8Lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            continuations = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            continuations = 2;
            nextLow = b == 0xE0 ? 0xA0 : 0x80;
            nextHigh = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            continuations = 3;
            nextLow = b == 0xF0 ? 0x90 : 0x80;
            nextHigh = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8();
        }
        backslashes = 0;
        escapeProgress = -1;
    }

    /** Spots {@code \u0000} after an odd number of backslashes (an even run is escaped backslashes). */
    private void jsonEscape(int b) {
        if (escapeProgress >= 0) {
            if (escapeProgress == 0 ? b == 'u' : b == '0') {
                escapeProgress++;
                if (escapeProgress == 5) {
                    throw new UnreadableTextException(line, "line " + line + ": the JSON contains the escape \\u0000 (NUL), which no field may hold");
                }
                return;
            }
            escapeProgress = -1;
        }
        if (b == '\\') {
            backslashes++;
            return;
        }
        if (backslashes % 2 == 1 && b == 'u') {
            escapeProgress = 1;
        }
        backslashes = 0;
    }

    private UnreadableTextException notUtf8() {
        return new UnreadableTextException(line, "line " + line + ": the text is not valid UTF-8; send UTF-8");
    }
}
