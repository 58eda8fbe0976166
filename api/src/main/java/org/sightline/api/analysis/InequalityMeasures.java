package org.sightline.api.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.IndicatorScale;
import org.sightline.domain.statistics.InequalityGroup;
import org.sightline.domain.statistics.SlopeIndexOfInequality;
import org.sightline.domain.statistics.SlopeIndexResult;
import org.sightline.privacy.DisclosureStatus;

/**
 * The extreme-group gaps and the slope index of inequality of one set of ordered groups, computed
 * from nothing but the groups' published observations (so they reveal no more than those do). A
 * measure that would need a group the privacy engine withheld, or a group with no data, is left
 * out with a note, rather than computed from fewer groups: the SII's ranks need every group's
 * population, and a gap between "the first and last groups that happen to be released" would not
 * be the gap between the extremes.
 */
final class InequalityMeasures {

    /** PHE's {@code phe_sii} expects 5 to 100 quantiles; fewer groups give an unstable regression. */
    static final int SII_MINIMUM_GROUPS = 5;

    private static final ConfidenceLevel LEVEL = ConfidenceLevel.NINETY_FIVE;

    /** The SII with its simulated interval, as the schema's {@code SlopeIndex}. */
    record SlopeIndex(double value, double lowerCI, double upperCI, double level, int simulations) {
    }

    /** The measures of one set of groups; null measures are explained in {@code note}. */
    record Measured(Double absoluteGap, Double relativeGap, SlopeIndex sii, String note) {
    }

    private InequalityMeasures() {
    }

    /**
     * @param definition the indicator, for its measure type and multiplier
     * @param by         the ordered characteristic type; its non-total values are the groups, first to last
     * @param published  the released observations of this set, one per value of {@code by} that has data
     */
    static Measured measure(IndicatorDefinition definition, StoredType by, List<PublishedObservation> published) {
        if (definition.measureType() == MeasureType.ADDITIVE_COUNT) {
            return new Measured(null, null, null, "'" + definition.id() + "' is a count (ADDITIVE_COUNT), which grows with the "
                    + "size of each group, so gaps and the slope index would measure group size, not inequality; they are "
                    + "given for rates (RATIO) and values such as scores (NON_ADDITIVE)");
        }
        List<StoredValue> order = by.values().stream().filter(v -> !v.total()).toList();
        Map<String, PublishedObservation> byValue = new HashMap<>();
        for (PublishedObservation row : published) {
            row.characteristics().stream().filter(c -> c.type().equals(by.code())).findFirst()
                    .ifPresent(c -> byValue.put(c.code(), row));
        }
        List<String> notes = new ArrayList<>();
        Double absoluteGap = null;
        Double relativeGap = null;
        PublishedObservation first = byValue.get(order.get(0).code());
        PublishedObservation last = byValue.get(order.get(order.size() - 1).code());
        String missingExtremes = unavailable(by, List.of(order.get(0), order.get(order.size() - 1)), byValue);
        if (missingExtremes.isEmpty()) {
            absoluteGap = last.value() - first.value();
            if (first.value() == 0) {
                notes.add("no relative gap: the first group's value is 0");
            } else {
                relativeGap = last.value() / first.value();
            }
        } else {
            notes.add("no gaps, which need the first and last groups (" + missingExtremes + ")");
        }
        return new Measured(absoluteGap, relativeGap, slopeIndex(definition, by, order, byValue, notes),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static SlopeIndex slopeIndex(IndicatorDefinition definition, StoredType by, List<StoredValue> order,
                                         Map<String, PublishedObservation> byValue, List<String> notes) {
        if (order.size() < SII_MINIMUM_GROUPS) {
            notes.add("no slope index: it needs at least " + SII_MINIMUM_GROUPS + " ordered groups and " + by.code() + " has "
                    + order.size());
            return null;
        }
        String missing = unavailable(by, order, byValue);
        if (!missing.isEmpty()) {
            notes.add("no slope index, which needs every group (" + missing + ")");
            return null;
        }
        // Percentages are sampled as proportions (logit scale), rates on the log scale, other values as they are.
        IndicatorScale scale = definition.measureType() == MeasureType.NON_ADDITIVE ? IndicatorScale.NORMAL
                : definition.multiplier() == 100 ? IndicatorScale.PROPORTION : IndicatorScale.RATE;
        double unit = scale == IndicatorScale.PROPORTION ? 100 : 1;
        List<InequalityGroup> groups = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (StoredValue value : order) {
            PublishedObservation row = byValue.get(value.code());
            if (row.denominator() == null || row.denominator() <= 0 || row.lowerCI() == null || row.upperCI() == null) {
                unusable.add(by.code() + " " + value.code() + " has no population (denominator) or 95% interval");
            } else if (!fitsScale(scale, row.value() / unit, row.lowerCI() / unit, row.upperCI() / unit)) {
                unusable.add(by.code() + " " + value.code() + (scale == IndicatorScale.RATE
                        ? " has a rate or interval limit of 0 (the rate's sampling scale is logarithmic)"
                        : " has a percentage or interval limit of 0 or 100 (the sampling scale is logit)"));
            } else {
                groups.add(new InequalityGroup(row.denominator(), row.value() / unit, row.lowerCI() / unit, row.upperCI() / unit));
            }
        }
        if (!unusable.isEmpty()) {
            notes.add("no slope index: " + String.join(", ", unusable));
            return null;
        }
        SlopeIndexResult result = SlopeIndexOfInequality.calculate(groups, scale, LEVEL, new SplittableRandom(seed(groups)));
        return new SlopeIndex(result.sii() * unit, result.lower() * unit, result.upper() * unit, LEVEL.level(), result.repetitions());
    }

    /**
     * Says which of the wanted groups have no usable released value and why, e.g. "withheld by the
     * privacy treatment: imd_decile 3; no data here: imd_decile 1, 10"; empty when all have one.
     */
    private static String unavailable(StoredType by, List<StoredValue> wanted, Map<String, PublishedObservation> byValue) {
        List<String> withheld = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        List<String> noValue = new ArrayList<>();
        for (StoredValue value : wanted) {
            PublishedObservation row = byValue.get(value.code());
            if (row == null) {
                noData.add(value.code());
            } else if (row.value() == null) {
                (row.disclosure().status() == DisclosureStatus.SUPPRESSED ? withheld : noValue).add(value.code());
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!withheld.isEmpty()) {
            reasons.add("withheld by the privacy treatment: " + by.code() + " " + String.join(", ", withheld));
        }
        if (!noData.isEmpty()) {
            reasons.add("no data here: " + by.code() + " " + String.join(", ", noData));
        }
        if (!noValue.isEmpty()) {
            reasons.add("no value: " + by.code() + " " + String.join(", ", noValue));
        }
        return String.join("; ", reasons);
    }

    private static boolean fitsScale(IndicatorScale scale, double value, double lower, double upper) {
        return switch (scale) {
            case NORMAL -> true;
            case RATE -> value > 0 && lower > 0;
            case PROPORTION -> value > 0 && lower > 0 && value < 1 && upper < 1;
        };
    }

    /**
     * The simulation's seed comes from the released inputs alone, so the same answer always has the
     * same limits (and the seed reveals nothing the caller was not given).
     */
    private static long seed(List<InequalityGroup> groups) {
        long seed = 1_125_899_906_842_597L;
        for (InequalityGroup group : groups) {
            for (double number : new double[] {group.population(), group.value(), group.lower95(), group.upper95()}) {
                seed = 31 * seed + Double.doubleToLongBits(number);
            }
        }
        return seed;
    }
}
