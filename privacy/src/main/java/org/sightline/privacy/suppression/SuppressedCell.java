package org.sightline.privacy.suppression;

import java.util.Objects;

/**
 * A cell that must not be published, with why ({@link SuppressionReason}) and a sentence a person
 * can read, e.g. "fewer than 5" or "suppressed to protect another cell in the same total".
 */
public record SuppressedCell(String key, SuppressionReason reason, String explanation) {

    public SuppressedCell {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("suppressed cell key must be non-blank, was '" + key + "'");
        }
        Objects.requireNonNull(reason, () -> "reason for suppressing '" + key + "'");
        if (explanation == null || explanation.isBlank()) {
            throw new IllegalArgumentException("suppressed cell '" + key + "' needs an explanation");
        }
    }
}
