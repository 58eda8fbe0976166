package org.sightline.client;

/**
 * What the privacy engine did to one value and why: {@code reason} is written for people (null when
 * the value is exact); {@code epsilon}, {@code rho} and {@code noiseInterval} are set for noisy values.
 */
public record Disclosure(DisclosureStatus status, String reason, String mechanism, Double epsilon, Double rho, Double noiseInterval) {
}
