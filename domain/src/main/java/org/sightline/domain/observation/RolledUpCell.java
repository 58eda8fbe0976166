package org.sightline.domain.observation;

import java.util.List;
import org.sightline.domain.time.Period;

/**
 * One cell of a result table holding TRUE values, rolled up from the stored finest grain:
 * counts and denominators are sums of the base cells; {@code value} and the CIs are the stored ones
 * and are present only when the cell is a single stored cell (a rate or score is never averaged).
 * Instances never leave the service: the privacy engine turns them into protected values first.
 *
 * @param baseCells       how many stored cells were summed into this one
 * @param releaseId       the release the cell's stored cells come from
 * @param baseCellsDigest a digest of the canonical, sorted set of stored cells summed into this
 *                        one: equal for every question that covers exactly the same cells
 */
public record RolledUpCell(
        AreaRef area,
        Period period,
        List<CharacteristicRef> characteristics,
        Long count,
        Long denominator,
        Double storedValue,
        Double storedLowerCi,
        Double storedUpperCi,
        int baseCells,
        long releaseId,
        String baseCellsDigest) {

    public RolledUpCell {
        characteristics = List.copyOf(characteristics);
    }
}
