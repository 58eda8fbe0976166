package org.sightline.client;

import java.util.List;

/** A fault of the server (500, {@code INTERNAL_ERROR}); the operators have the details in its log. */
public class ServerErrorException extends SightlineException {

    public ServerErrorException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
