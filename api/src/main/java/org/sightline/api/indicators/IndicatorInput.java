package org.sightline.api.indicators;

import java.util.Arrays;
import java.util.List;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;

/** The JSON body of {@code POST /api/v1/indicators} (API.md); enum fields are checked with a clear message. */
public record IndicatorInput(
        String id, String title, String definition, String unit, String measureType, Integer multiplier,
        String polarity, String disclosureClass, String source, String licence, String methodology,
        List<String> characteristicTypes) {

    public IndicatorDefinition toDefinition() {
        return new IndicatorDefinition(id, title, definition, unit,
                parse(MeasureType.class, measureType, "measureType"),
                multiplier == null ? 1 : multiplier,
                parse(Polarity.class, polarity, "polarity"),
                parse(DisclosureClass.class, disclosureClass, "disclosureClass"),
                source, licence, methodology, characteristicTypes);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " '" + value + "' must be one of " + Arrays.toString(type.getEnumConstants()));
    }
}
