package org.sightline.api.observations;

import java.util.List;
import org.sightline.domain.observation.PeriodSelector;

/**
 * An {@link org.sightline.domain.observation.ObservationQuery} with names resolved to storage:
 * the indicator's row id, breakdown types as observation slots (c1..c4), filters as value ids, and
 * the releases to read.
 */
public record ResolvedQuery(
        int indicatorDbId,
        AreaTarget areas,
        PeriodSelector periods,
        List<Integer> breakdownPositions,
        List<String> breakdownTypes,
        List<ValueFilter> filters,
        ReleaseSet releases) {

    /** The same question read from another set of releases. */
    public ResolvedQuery withReleases(ReleaseSet other) {
        return new ResolvedQuery(indicatorDbId, areas, periods, breakdownPositions, breakdownTypes, filters, other);
    }

    /** Either explicit codes, or every area of {@code level} (inside {@code within} if given). */
    public record AreaTarget(List<String> codes, String within, String level) {
    }

    /** Keep only cells whose slot {@code position} holds one of {@code valueIds}. */
    public record ValueFilter(int position, List<Integer> valueIds) {
    }
}
