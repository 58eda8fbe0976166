package org.sightline.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.api.SightlineTest;
import org.sightline.api.demo.DemoDataSet;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.Indicators;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The export limit: the bound is areas x periods with data x breakdown values, from the question
 * and the catalogue, and an export over the limit is refused before anything is answered.
 */
class ExportSizeTest extends SightlineTest {

    @Autowired
    AreaDirectory areas;
    @Autowired
    Indicators indicatorRows;
    @Autowired
    IndicatorCatalogue indicators;

    @Test
    void theBoundIsAreasTimesPeriodsTimesBreakdownValuesAndTheLimitRefusesLargerExports() {
        var population = indicators.require(DemoDataSet.POPULATION);
        // 600 demo LSOAs x 5 years (2019-2023) x 2 sexes x 6 age bands.
        ObservationQuery everything = new ObservationQuery(DemoDataSet.POPULATION, AreaSelector.within(DemoDataSet.REGION, "lsoa"),
                PeriodSelector.of(null, null, "2019", "2023"), List.of("sex", "age_band"), List.of());
        ObservationQuery oneYearWomen = new ObservationQuery(DemoDataSet.POPULATION, AreaSelector.within(DemoDataSet.REGION, "lsoa"),
                PeriodSelector.of(null, List.of("2022"), null, null), List.of("sex", "age_band"),
                List.of(new CharacteristicFilter("sex", List.of("F"))));
        ExportSize size = new ExportSize(areas, indicatorRows, 30_000);
        assertThat(size.bound(population, everything)).isEqualTo(600L * 5 * 2 * 6);
        assertThat(size.bound(population, oneYearWomen)).isEqualTo(600L * 1 * 1 * 6);

        assertThatThrownBy(() -> size.require(population, everything)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("up to 36000 rows").hasMessageContaining("30000");
        size.require(population, oneYearWomen);
        new ExportSize(areas, indicatorRows, 36_000).require(population, everything);
    }
}
