package org.sightline.api.analysis;

import java.util.Arrays;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.statistics.ConfidenceLevel;

/**
 * How areas are set beside their benchmark (the GraphQL {@code ComparisonMethod}): Fingertips'
 * confidence-interval overlap at 95% or 99.8%, or quintiles among the compared areas.
 */
public enum ComparisonMethod {
    CI_OVERLAP_95,
    CI_OVERLAP_99_8,
    QUINTILES;

    /** The method a caller named, CI_OVERLAP_95 when none; an unknown name is a bad request that lists the known ones. */
    public static ComparisonMethod parse(String name) {
        if (name == null || name.isBlank()) {
            return CI_OVERLAP_95;
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> new InvalidQueryException("comparison method '" + name + "' is not one of "
                        + Arrays.toString(values())));
    }

    /** The confidence level of the area intervals an overlap method reads; null for QUINTILES. */
    ConfidenceLevel confidenceLevel() {
        return switch (this) {
            case CI_OVERLAP_95 -> ConfidenceLevel.NINETY_FIVE;
            case CI_OVERLAP_99_8 -> ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
            case QUINTILES -> null;
        };
    }
}
