package org.sightline.client;

/** An area: a GSS code for real areas (e.g. {@code E08000009}), its name and its type. */
public record Area(String code, String name, AreaType type) {
}
