package org.sightline.client;

/** An area compared with its benchmark; HIGHER and LOWER for indicators without a value judgement. A value a newer server adds reads as {@code null}. */
public enum ComparisonOutcome {
    BETTER, SIMILAR, WORSE, HIGHER, LOWER, NOT_COMPARED
}
