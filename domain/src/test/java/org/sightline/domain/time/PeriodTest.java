package org.sightline.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void calendarYearRunsJanuaryToDecember() {
        Period p = Period.parse("2019");
        assertThat(p.type()).isEqualTo(PeriodType.YEAR);
        assertThat(p.start()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void financialYearRunsAprilToMarch() {
        Period p = Period.parse("2019/20");
        assertThat(p.type()).isEqualTo(PeriodType.FINANCIAL_YEAR);
        assertThat(p.start()).isEqualTo(LocalDate.of(2019, 4, 1));
        assertThat(p.end()).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(Period.parse("1999/00").end()).isEqualTo(LocalDate.of(2000, 3, 31));
    }

    @Test
    void quarterAndMonthCoverTheirCalendarMonths() {
        assertThat(Period.parse("2019-Q4").start()).isEqualTo(LocalDate.of(2019, 10, 1));
        assertThat(Period.parse("2019-Q4").end()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(Period.parse("2020-02").end()).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void rejectsUnknownFormatsNamingTheValueAndTheAcceptedFormats() {
        assertThatThrownBy(() -> Period.parse("FY2019"))
                .isInstanceOf(InvalidPeriodException.class)
                .hasMessageContaining("'FY2019'")
                .hasMessageContaining("2019/20");
        assertThatThrownBy(() -> Period.parse("2019/21")).hasMessageContaining("not a financial year");
        assertThatThrownBy(() -> Period.parse("2019-13")).hasMessageContaining("no month 13");
        assertThatThrownBy(() -> Period.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void ordersByStartThenLength() {
        assertThat(Period.parse("2019-01")).isLessThan(Period.parse("2019"));
        assertThat(Period.parse("2019")).isLessThan(Period.parse("2019/20"));
    }
}
