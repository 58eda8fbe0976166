package org.sightline.domain.observation;

/** A question that cannot be answered as asked; the message tells the caller what to change. */
public class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
