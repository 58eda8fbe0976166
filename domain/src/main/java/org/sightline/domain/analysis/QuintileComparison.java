package org.sightline.domain.analysis;

import java.util.Objects;
import org.sightline.domain.indicator.Polarity;
import org.sightline.domain.statistics.ComparisonOutcome;

/**
 * Fingertips' quintile comparison over one set of compared areas (one period and characteristic
 * combination): each area is placed in a fifth of the areas' values instead of being tested
 * against a benchmark. Quintile 1 is the best fifth when the indicator has a polarity (the highest
 * values when higher is better, the lowest when lower is better) and the highest fifth when it has
 * none. The placing is {@link RankedValues}', as {@code rank} uses: ties share a rank and
 * quintile = ceil(5 * rank / n).
 * <p>
 * Outcome: quintile 1 is BETTER, 5 WORSE, 2 to 4 SIMILAR; without judgement HIGHER, LOWER and
 * SIMILAR. A missing (withheld) value gets no quintile and is NOT_COMPARED. With fewer than
 * {@link #MINIMUM_VALUES} values there are no fifths to speak of (one area alone would be "the
 * worst fifth"), so then nothing gets a quintile either. Add every value before reading any.
 */
public final class QuintileComparison {

    /** The fewest values among which quintiles are given. */
    public static final int MINIMUM_VALUES = 5;

    private final Polarity polarity;
    private final RankedValues values;

    public QuintileComparison(Polarity polarity) {
        this.polarity = Objects.requireNonNull(polarity, "polarity");
        this.values = new RankedValues(polarity == Polarity.LOWER_IS_BETTER
                ? RankedValues.Direction.LOWEST_FIRST : RankedValues.Direction.HIGHEST_FIRST);
    }

    /** Adds a compared area's value; a missing one is ignored. */
    public void add(Double value) {
        values.add(value);
    }

    /** @return the value's quintile (it must have been added), or null when it is missing or there are too few values */
    public Integer quintile(Double value) {
        return values.size() < MINIMUM_VALUES ? null : values.quintile(value);
    }

    /** The outcome of the value's quintile, read with the indicator's polarity. */
    public ComparisonOutcome outcome(Double value) {
        return outcomeOf(quintile(value), polarity);
    }

    /** The outcome a quintile stands for (null: NOT_COMPARED). */
    public static ComparisonOutcome outcomeOf(Integer quintile, Polarity polarity) {
        Objects.requireNonNull(polarity, "polarity");
        if (quintile == null) {
            return ComparisonOutcome.NOT_COMPARED;
        }
        boolean judged = polarity != Polarity.NO_JUDGEMENT;
        return switch (quintile) {
            case 1 -> judged ? ComparisonOutcome.BETTER : ComparisonOutcome.HIGHER;
            case 5 -> judged ? ComparisonOutcome.WORSE : ComparisonOutcome.LOWER;
            case 2, 3, 4 -> ComparisonOutcome.SIMILAR;
            default -> throw new IllegalArgumentException("quintile " + quintile + " is not between 1 and 5");
        };
    }
}
