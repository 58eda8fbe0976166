package org.sightline.privacy;

import java.util.List;
import java.util.Objects;
import org.sightline.privacy.noise.CellIdentity;

/**
 * One cell of a result table as the privacy engine sees it: its coordinates (one value per
 * dimension, e.g. area code, period, sex), its TRUE numerator and denominator, and its identity
 * (indicator, release and the canonical set of base cells it sums), which seeds consistent noise
 * so that the same or an equivalent question gets the same answer.
 */
public record TableCell(List<String> coordinates, Long count, Long denominator, CellIdentity identity) {
    public TableCell {
        coordinates = List.copyOf(coordinates);
        Objects.requireNonNull(identity, "identity");
    }
}
