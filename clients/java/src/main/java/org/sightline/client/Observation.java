package org.sightline.client;

import java.util.List;

/**
 * One released cell: an area, a period and one value per breakdown characteristic (in breakdown
 * order), with the value, its numerator and denominator and its 95% confidence interval. Numbers are
 * null where the privacy engine withheld them ({@link Disclosure#status()} says why).
 */
public record Observation(Area area, Period period, List<CharacteristicValue> characteristics, Double value, Double count,
                          Double denominator, Double lowerCI, Double upperCI, String ciMethod, Disclosure disclosure) {

    /** The label of this cell's value of a characteristic type, e.g. {@code label("sex")} is "Female"; null if not broken down by it. */
    public String label(String characteristicType) {
        return characteristics.stream().filter(c -> c.type().equals(characteristicType)).map(CharacteristicValue::label)
                .findFirst().orElse(null);
    }
}
