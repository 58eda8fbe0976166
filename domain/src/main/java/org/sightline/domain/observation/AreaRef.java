package org.sightline.domain.observation;

/** The identity of an area as shown beside a value: its code, name and area type code. */
public record AreaRef(String code, String name, String type) {
}
