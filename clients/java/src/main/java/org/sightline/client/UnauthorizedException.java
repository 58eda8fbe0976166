package org.sightline.client;

import java.util.List;

/**
 * Credentials are missing where the endpoint needs them, or the API key or token is unknown, revoked
 * or invalid (401). The server never treats bad credentials as an anonymous caller.
 */
public class UnauthorizedException extends ForbiddenException {

    public UnauthorizedException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
