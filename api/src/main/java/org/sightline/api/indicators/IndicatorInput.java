package org.sightline.api.indicators;

import java.util.Arrays;
import java.util.List;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.sightline.domain.catalogue.RefreshFrequency;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;

/**
 * The JSON body of {@code POST /api/v1/indicators} (API.md); enum fields are checked with a clear
 * message. {@code contact}, {@code topics} and {@code refresh} are the catalogue's description
 * (docs/catalogue.md), all optional.
 */
public record IndicatorInput(
        String id, String title, String definition, String unit, String measureType, Integer multiplier,
        String polarity, String disclosureClass, String source, String licence, String methodology,
        List<String> characteristicTypes, String contact, List<String> topics, RefreshInput refresh) {

    /**
     * The refresh schedule in the JSON: {@code {"frequency": "ANNUAL", "publicationLag": "P6M",
     * "nextDue": "2026-03-31"}}, every part optional.
     */
    public record RefreshInput(String frequency, String publicationLag, String nextDue) {

        public RefreshSchedule toSchedule() {
            RefreshFrequency parsed = frequency == null ? null : parse(RefreshFrequency.class, frequency, "refresh.frequency");
            LocalDate due = null;
            if (nextDue != null && !nextDue.isBlank()) {
                try {
                    due = LocalDate.parse(nextDue.strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("refresh.nextDue '" + nextDue + "' is not a date such as 2026-03-31");
                }
            }
            return new RefreshSchedule(parsed, RefreshSchedule.parseLag(publicationLag), due);
        }
    }

    /** The catalogue part of the JSON, or null when the body has none (an older client's body). */
    public IndicatorDescription toDescription() {
        if (contact == null && topics == null && refresh == null) {
            return null;
        }
        return new IndicatorDescription(contact, topics, refresh == null ? null : refresh.toSchedule());
    }

    public IndicatorDefinition toDefinition() {
        // The columns' lengths (indicator.slug 100, title 300, unit 100), checked before the database sees them.
        requireAtMost("id", id, 100);
        requireAtMost("title", title, 300);
        requireAtMost("unit", unit, 100);
        return new IndicatorDefinition(id, title, definition, unit,
                parse(MeasureType.class, measureType, "measureType"),
                multiplier == null ? 1 : multiplier,
                parse(Polarity.class, polarity, "polarity"),
                parse(DisclosureClass.class, disclosureClass, "disclosureClass"),
                source, licence, methodology, characteristicTypes);
    }

    private static void requireAtMost(String field, String value, int length) {
        if (value != null && value.length() > length) {
            throw new IllegalArgumentException(field + " is limited to " + length + " characters");
        }
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
