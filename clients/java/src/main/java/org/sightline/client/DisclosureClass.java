package org.sightline.client;

/** How sensitive an indicator is; with the caller's role it decides the protection. A value a newer server adds reads as {@code null}. */
public enum DisclosureClass {
    OPEN, SENSITIVE, HIGHLY_SENSITIVE
}
