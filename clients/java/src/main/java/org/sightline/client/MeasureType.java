package org.sightline.client;

/** How an indicator's cells combine when rolled up. A value a newer server adds reads as {@code null}. */
public enum MeasureType {
    ADDITIVE_COUNT, RATIO, NON_ADDITIVE
}
