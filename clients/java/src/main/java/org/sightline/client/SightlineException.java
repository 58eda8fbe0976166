package org.sightline.client;

import java.util.List;

/**
 * The server refused or could not answer a request. {@link #classification()} is the server's own
 * ({@code BAD_REQUEST}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code TIMEOUT}, {@code TOO_MANY_REQUESTS},
 * {@code PAYLOAD_TOO_LARGE}, ...: the {@code classification} of a REST error body, or
 * {@code extensions.classification} of a GraphQL error), the message is the server's, written for
 * people, and {@link #status()} the HTTP status (200 for a GraphQL error, which GraphQL answers with 200).
 * <p>
 * Subclasses say what to do about it: {@link BadRequestException} (fix the question or the file),
 * {@link ForbiddenException} (credentials or role), {@link NotFoundException}, {@link UnavailableException}
 * (try again later; {@link RateLimitedException} after too many requests).
 */
public class SightlineException extends RuntimeException {

    private final int status;
    private final String classification;
    private final List<FileError> errors;

    public SightlineException(int status, String classification, String message, List<FileError> errors) {
        super(message);
        this.status = status;
        this.classification = classification;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public SightlineException(int status, String classification, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.classification = classification;
        this.errors = List.of();
    }

    /** The HTTP status: 0 when no answer came at all, 200 for a GraphQL error. */
    public int status() {
        return status;
    }

    /** The server's classification of the error, e.g. {@code BAD_REQUEST}; null when it gave none. */
    public String classification() {
        return classification;
    }

    /** Every problem the server listed with a line, field and reason (a file's bad lines); empty when it listed none. */
    public List<FileError> errors() {
        return errors;
    }
}
