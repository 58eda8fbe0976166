package org.sightline.domain.observation;

/** One characteristic value a cell is about, e.g. (sex, F, Female); {@code total} means all values. */
public record CharacteristicRef(String type, String code, String label, int sortOrder) {
}
