package org.sightline.privacy.noise;

import java.util.List;
import java.util.Objects;

/**
 * What a noisy cell is an answer to: an indicator in a release, summed over a set of base cells
 * (the finest cells the data is held at, e.g. output area x sex x age band).
 *
 * <p>The base cells are a set: the record keeps them sorted (by {@link String#compareTo}) without
 * duplicates, so every way of asking for the same cells, such as a custom area drawn to match a
 * ward, is the same identity and so gets the same consistent noise. Keys are compared exactly as
 * given; callers must pass canonical keys (same case, no padding).
 *
 * @param indicatorId the indicator being counted
 * @param releaseId the release (data version) being queried
 * @param baseCellKeys the base cells summed into this cell, non-empty
 */
public record CellIdentity(String indicatorId, String releaseId, List<String> baseCellKeys) {

    public CellIdentity {
        indicatorId = requireText(indicatorId, "indicatorId");
        releaseId = requireText(releaseId, "releaseId");
        Objects.requireNonNull(baseCellKeys, "baseCellKeys");
        if (baseCellKeys.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one base cell key");
        }
        for (int i = 0; i < baseCellKeys.size(); i++) {
            String key = baseCellKeys.get(i);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("base cell key at position " + i + " is blank");
            }
        }
        baseCellKeys = baseCellKeys.stream().distinct().sorted().toList();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
