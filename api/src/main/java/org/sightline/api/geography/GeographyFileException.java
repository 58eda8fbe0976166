package org.sightline.api.geography;

/** A geography file that cannot be read at all (as opposed to individual rejected rows). */
public class GeographyFileException extends IllegalArgumentException {
    public GeographyFileException(String message) {
        super(message);
    }
}
