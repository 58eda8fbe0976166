package org.sightline.privacy;

import java.util.List;

/**
 * One cell of a result table as the privacy engine sees it: its coordinates (one value per
 * dimension, e.g. area code, period, sex) and its TRUE numerator and denominator.
 */
public record TableCell(List<String> coordinates, Long count, Long denominator) {
    public TableCell {
        coordinates = List.copyOf(coordinates);
    }
}
