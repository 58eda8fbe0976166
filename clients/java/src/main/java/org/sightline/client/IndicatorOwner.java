package org.sightline.client;

/** The organisation that owns an indicator: its stewards publish and describe it. */
public record IndicatorOwner(String code, String name) {
}
