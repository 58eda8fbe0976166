package org.sightline.domain.time;

/** A period code that Sightline cannot interpret; the message says what was expected. */
public class InvalidPeriodException extends IllegalArgumentException {
    public InvalidPeriodException(String message) {
        super(message);
    }
}
