package org.sightline.client;

/** What the privacy engine did to a value: EXACT, ROUNDED (to 5), NOISED or SUPPRESSED (withheld). A value a newer server adds reads as {@code null}. */
public enum DisclosureStatus {
    EXACT, ROUNDED, NOISED, SUPPRESSED
}
