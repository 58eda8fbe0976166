package org.sightline.domain.indicator;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a steward declares about an indicator before data can be released for it.
 * The constructor enforces the rules, so an invalid definition cannot exist.
 *
 * @param id                  stable public slug, e.g. {@code population-by-sex-age}
 * @param characteristicTypes codes of the characteristic types its cells are broken down by, in
 *                            column order (at most {@value #MAX_CHARACTERISTIC_TYPES})
 */
public record IndicatorDefinition(
        String id,
        String title,
        String definition,
        String unit,
        MeasureType measureType,
        int multiplier,
        Polarity polarity,
        DisclosureClass disclosureClass,
        String source,
        String licence,
        String methodology,
        List<String> characteristicTypes) {

    public static final int MAX_CHARACTERISTIC_TYPES = 4;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    public IndicatorDefinition {
        require(id != null && SLUG.matcher(id).matches(),
                "id '" + id + "' must be 1-100 characters of lower-case letters, digits and hyphens");
        title = requireText(title, "title");
        definition = requireText(definition, "definition");
        unit = requireText(unit, "unit");
        Objects.requireNonNull(measureType, "measureType is required (ADDITIVE_COUNT, RATIO or NON_ADDITIVE)");
        Objects.requireNonNull(polarity, "polarity is required (HIGHER_IS_BETTER, LOWER_IS_BETTER or NO_JUDGEMENT)");
        Objects.requireNonNull(disclosureClass, "disclosureClass is required (OPEN, SENSITIVE or HIGHLY_SENSITIVE)");
        source = requireText(source, "source");
        licence = requireText(licence, "licence");
        require(multiplier > 0, "multiplier must be positive, e.g. 1, 100 (per cent), 1000 or 100000");
        require(measureType == MeasureType.RATIO || multiplier == 1,
                "multiplier applies only to RATIO indicators; use 1 for " + measureType);
        characteristicTypes = List.copyOf(characteristicTypes == null ? List.of() : characteristicTypes);
        require(characteristicTypes.size() <= MAX_CHARACTERISTIC_TYPES,
                "an indicator can be broken down by at most " + MAX_CHARACTERISTIC_TYPES + " characteristic types");
        require(new HashSet<>(characteristicTypes).size() == characteristicTypes.size(),
                "characteristicTypes lists a type twice: " + characteristicTypes);
    }

    private static String requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + " is required");
        return value.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
