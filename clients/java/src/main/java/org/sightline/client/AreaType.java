package org.sightline.client;

/** A kind of area, e.g. {@code lad} (district) or {@code lsoa}. */
public record AreaType(String code, String name) {
}
