package org.sightline.api.web;

import java.util.List;

/** An uploaded file with problems; nothing from it was stored. {@code errors} lists every problem found. */
public class InvalidFileException extends RuntimeException {

    private final List<?> errors;

    public InvalidFileException(String message, List<?> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<?> errors() {
        return errors;
    }
}
