package org.sightline.api.web;

/**
 * Request text that cannot be stored as text: a NUL character or bytes that are not UTF-8.
 * {@code line} is the 1-based line of the body (0 when the problem is in the URL or a header).
 */
public class UnreadableTextException extends RuntimeException {

    private final long line;

    public UnreadableTextException(long line, String message) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
