package org.sightline.client;

/** One value of a characteristic, e.g. type {@code sex}, code {@code F}, label {@code Female}. */
public record CharacteristicValue(String type, String code, String label) {
}
