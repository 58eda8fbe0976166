package org.sightline.client;

import java.util.List;

/** The request conflicts with what the server holds (409), e.g. correcting a release that is already superseded. */
public class ConflictException extends BadRequestException {

    public ConflictException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
