package org.sightline.api.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.sightline.api.observations.PublishedObservation;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.statistics.InequalityGroup;
import org.sightline.domain.statistics.SlopeIndexOfInequality;
import org.sightline.domain.time.Period;
import org.sightline.privacy.Disclosure;

/**
 * The rules the demo data cannot reach: which scale a measure type samples on, and the notes for
 * too few groups, values the scale cannot take, and values without a population.
 */
class InequalityMeasuresTest {

    private static final AreaRef AREA = new AreaRef("E06000001", "Hartlepool", "lad");
    private static final Period YEAR = Period.parse("2023");

    @Test
    void percentagesAreMeasuredInPercentagePointsAndSampledOnTheLogitScale() {
        double[] percent = {30, 25, 22, 18, 12};
        List<PublishedObservation> rows = new ArrayList<>();
        List<InequalityGroup> asPercentages = new ArrayList<>();
        for (int i = 0; i < percent.length; i++) {
            rows.add(row(i + 1, percent[i], 1_000L, percent[i] - 3, percent[i] + 3));
            asPercentages.add(new InequalityGroup(1_000, percent[i], percent[i] - 3, percent[i] + 3));
        }

        InequalityMeasures.Measured measured = InequalityMeasures.measure(indicator(MeasureType.RATIO, 100), quintiles(5), rows);

        assertThat(measured.note()).isNull();
        assertThat(measured.absoluteGap()).isCloseTo(12 - 30, within(1e-12));
        assertThat(measured.relativeGap()).isCloseTo(12.0 / 30, within(1e-12));
        assertThat(measured.sii().value()).isCloseTo(SlopeIndexOfInequality.slope(asPercentages), within(1e-9));
        assertThat(measured.sii().lowerCI()).isLessThan(measured.sii().value());
        assertThat(measured.sii().upperCI()).isGreaterThan(measured.sii().value()).isLessThan(0);

        rows.set(0, row(1, 100, 1_000L, 99.6, 100));
        assertThat(InequalityMeasures.measure(indicator(MeasureType.RATIO, 100), quintiles(5), rows).note())
                .contains("no slope index: quintile 1 has a percentage or interval limit of 0 or 100 (the sampling scale is logit)");
    }

    @Test
    void fewerThanFiveGroupsHaveGapsButNoSlopeIndex() {
        List<PublishedObservation> rows = List.of(row(1, 120, 5_000L, 110, 130), row(2, 100, 5_000L, 90, 110),
                row(3, 90, 5_000L, 80, 100), row(4, 60, 5_000L, 50, 70));

        InequalityMeasures.Measured measured = InequalityMeasures.measure(indicator(MeasureType.RATIO, 1_000), quintiles(4), rows);

        assertThat(measured.absoluteGap()).isEqualTo(-60);
        assertThat(measured.relativeGap()).isEqualTo(0.5);
        assertThat(measured.sii()).isNull();
        assertThat(measured.note()).isEqualTo("no slope index: it needs at least 5 ordered groups and quintile has 4");
    }

    @Test
    void aZeroRateHasNoRelativeGapAndCannotBeSampledOnTheLogScale() {
        List<PublishedObservation> rows = new ArrayList<>(List.of(row(1, 0, 500L, 0, 7.4), row(2, 4, 500L, 1, 10),
                row(3, 6, 500L, 2, 13), row(4, 8, 500L, 3, 16), row(5, 10, 500L, 5, 18)));

        InequalityMeasures.Measured measured = InequalityMeasures.measure(indicator(MeasureType.RATIO, 1_000), quintiles(5), rows);

        assertThat(measured.absoluteGap()).isEqualTo(10);
        assertThat(measured.relativeGap()).isNull();
        assertThat(measured.sii()).isNull();
        assertThat(measured.note()).isEqualTo("no relative gap: the first group's value is 0; no slope index: quintile 1 has a rate "
                + "or interval limit of 0 (the rate's sampling scale is logarithmic)");
    }

    @Test
    void scoresAreSampledAsTheyAreButNeedEachGroupsPopulation() {
        List<PublishedObservation> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(row(i, 60 + 5 * i, 800L, 57 + 5 * i, 63 + 5 * i));
        }
        InequalityMeasures.Measured measured = InequalityMeasures.measure(indicator(MeasureType.NON_ADDITIVE, 1), quintiles(5), rows);
        // Exactly linear: 5 points per fifth of the population, so 25 from end to end.
        assertThat(measured.sii().value()).isCloseTo(25, within(1e-9));

        rows.set(2, row(3, 75, null, 72, 78));
        assertThat(InequalityMeasures.measure(indicator(MeasureType.NON_ADDITIVE, 1), quintiles(5), rows).note())
                .isEqualTo("no slope index: quintile 3 has no population (denominator) or 95% interval");
    }

    private static IndicatorDefinition indicator(MeasureType type, int multiplier) {
        return new IndicatorDefinition("test-inequality", "Test", "Test", "unit", type, multiplier, Polarity.LOWER_IS_BETTER,
                DisclosureClass.OPEN, "test", "test", null, List.of("quintile"));
    }

    private static StoredType quintiles(int groups) {
        List<StoredValue> values = new ArrayList<>();
        values.add(new StoredValue(0, "quintile", "total", "Total", 0, true));
        for (int i = 1; i <= groups; i++) {
            values.add(new StoredValue(i, "quintile", Integer.toString(i), Integer.toString(i), i, false));
        }
        return new StoredType(1, "quintile", "Deprivation quintile", true, values);
    }

    private static PublishedObservation row(int group, double value, Long denominator, double lower, double upper) {
        return new PublishedObservation(AREA, YEAR, List.of(new CharacteristicRef("quintile", Integer.toString(group),
                Integer.toString(group), group)), value, null, denominator, lower, upper, "SUPPLIED", null, Disclosure.EXACT);
    }
}
