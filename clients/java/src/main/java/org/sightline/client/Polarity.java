package org.sightline.client;

/** Which direction of an indicator is good news. A value a newer server adds reads as {@code null}. */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NO_JUDGEMENT
}
