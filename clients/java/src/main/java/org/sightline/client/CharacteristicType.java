package org.sightline.client;

import java.util.List;

/** A characteristic observations can be broken down by, with its values in display order. */
public record CharacteristicType(String code, String name, List<CharacteristicValue> values) {
}
