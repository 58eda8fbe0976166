package org.sightline.client;

import java.util.List;

/**
 * The server refused the request as the caller's mistake (400, 422; GraphQL {@code BAD_REQUEST}): a
 * question it cannot answer as asked, or a file with problems - then {@link #errors()} lists each
 * with its line, field and reason, and nothing from the file was stored. Retrying will not help.
 */
public class BadRequestException extends SightlineException {

    public BadRequestException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
