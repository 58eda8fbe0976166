package org.sightline.client;

import java.util.List;

/** The body is larger than the endpoint's limit (413, {@code PAYLOAD_TOO_LARGE}); the message names the limit and its property. */
public class PayloadTooLargeException extends BadRequestException {

    public PayloadTooLargeException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
