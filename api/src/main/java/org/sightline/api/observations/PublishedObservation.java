package org.sightline.api.observations;

import java.util.List;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.time.Period;
import org.sightline.privacy.Disclosure;

/**
 * One observation as it may leave the service: every number in it was produced by the privacy
 * engine or derived from numbers that were.
 *
 * @param ciMethod   how the 95% interval was obtained: WILSON_SCORE, BYAR, EXACT_POISSON, or SUPPLIED
 *                   (the data supplier's own, for an unchanged stored cell)
 * @param interval998 the 99.8% interval (Fingertips' second level), always computed from the released
 *                   numerator and denominator; null where they cannot give one
 */
public record PublishedObservation(
        AreaRef area,
        Period period,
        List<CharacteristicRef> characteristics,
        Double value,
        Long count,
        Long denominator,
        Double lowerCI,
        Double upperCI,
        String ciMethod,
        IntervalEstimate interval998,
        Disclosure disclosure) {
}
