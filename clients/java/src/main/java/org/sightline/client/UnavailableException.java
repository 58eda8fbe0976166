package org.sightline.client;

import java.util.List;

/**
 * The server could not answer now: unreachable, 502/503/504 after the client's retries, or a question
 * stopped at the server's statement timeout (classification {@code TIMEOUT}: ask a smaller question;
 * it is not retried). Try again later.
 */
public class UnavailableException extends SightlineException {

    public UnavailableException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }

    public UnavailableException(String message, Throwable cause) {
        super(0, null, message, cause);
    }
}
