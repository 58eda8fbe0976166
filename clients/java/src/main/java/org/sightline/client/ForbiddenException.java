package org.sightline.client;

import java.util.List;

/**
 * The caller may not do this (403, GraphQL {@code FORBIDDEN}): the role, organisation or agreement
 * does not allow it; the message names the rule. {@link UnauthorizedException}, for credentials the
 * server does not accept or that are missing, is a kind of it.
 */
public class ForbiddenException extends SightlineException {

    public ForbiddenException(int status, String classification, String message, List<FileError> errors) {
        super(status, classification, message, errors);
    }
}
