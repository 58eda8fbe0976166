package org.sightline.api.web;

/** The thing a request names does not exist (HTTP 404, GraphQL NOT_FOUND). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
