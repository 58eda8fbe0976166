package org.sightline.api.web;

/** The caller's role may not ask this; the message names the rule (HTTP 403, GraphQL FORBIDDEN). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
