package org.sightline.api.observations;

import java.util.List;
import org.sightline.domain.observation.PeriodSelector;

/**
 * An {@link org.sightline.domain.observation.ObservationQuery} with names resolved to storage:
 * the indicator's row id, breakdown types as observation slots (c1..c4), filters as value ids.
 */
public record ResolvedQuery(
        int indicatorDbId,
        AreaTarget areas,
        PeriodSelector periods,
        List<Integer> breakdownPositions,
        List<String> breakdownTypes,
        List<ValueFilter> filters) {

    /** Either explicit codes, or every area of {@code level} (inside {@code within} if given). */
    public record AreaTarget(List<String> codes, String within, String level) {
    }

    /** Keep only cells whose slot {@code position} holds one of {@code valueIds}. */
    public record ValueFilter(int position, List<Integer> valueIds) {
    }
}
