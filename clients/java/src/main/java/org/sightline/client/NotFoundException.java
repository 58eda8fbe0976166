package org.sightline.client;

import java.util.List;

/** No such indicator, area, release or intake, or no data where the question asks (404, GraphQL {@code NOT_FOUND}). */
public class NotFoundException extends SightlineException {

    public NotFoundException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
