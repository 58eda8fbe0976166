package org.sightline.api.web;

/** The request contradicts something that already exists, e.g. an indicator id with another definition (HTTP 409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
