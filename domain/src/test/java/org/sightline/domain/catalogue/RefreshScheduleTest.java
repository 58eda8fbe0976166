package org.sightline.domain.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void anAnnualIndicatorIsDueTheLagAfterTheNextYearEnds() {
        var schedule = new RefreshSchedule(RefreshFrequency.ANNUAL, Period.ofMonths(6), null);
        assertThat(schedule.nextDue(LocalDate.of(2023, 12, 31), null, LONDON)).isEqualTo(LocalDate.of(2025, 6, 30));
        // A financial year: 2023/24 ends 31 March 2024, 2024/25 a year later.
        assertThat(schedule.nextDue(LocalDate.of(2024, 3, 31), null, LONDON)).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void theNextQuarterEndsOnTheLastDayOfItsMonth() {
        var schedule = new RefreshSchedule(RefreshFrequency.QUARTERLY, null, null);
        assertThat(schedule.nextDue(LocalDate.of(2023, 9, 30), null, LONDON)).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(new RefreshSchedule(RefreshFrequency.MONTHLY, null, null).nextDue(LocalDate.of(2024, 1, 31), null, LONDON))
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void anExplicitDateWinsUntilAReleaseArrivesOnOrAfterIt() {
        var schedule = new RefreshSchedule(RefreshFrequency.ANNUAL, null, LocalDate.of(2026, 3, 1));
        OffsetDateTime before = OffsetDateTime.of(2026, 2, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime after = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        assertThat(schedule.nextDue(LocalDate.of(2024, 12, 31), before, LONDON)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(schedule.nextDue(LocalDate.of(2025, 12, 31), after, LONDON)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void adHocAndUnscheduledIndicatorsAreNeverDue() {
        assertThat(new RefreshSchedule(RefreshFrequency.AD_HOC, null, null).nextDue(LocalDate.of(2020, 1, 1), null, LONDON)).isNull();
        assertThat(RefreshSchedule.NONE.nextDue(LocalDate.of(2020, 1, 1), null, LONDON)).isNull();
        assertThat(RefreshSchedule.overdue(null, LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void overdueOnlyAfterTheDueDay() {
        LocalDate due = LocalDate.of(2025, 6, 30);
        assertThat(RefreshSchedule.overdue(due, due)).isFalse();
        assertThat(RefreshSchedule.overdue(due, due.plusDays(1))).isTrue();
    }

    @Test
    void aLagMustBeAnIsoPeriod() {
        assertThat(RefreshSchedule.parseLag("P6M")).isEqualTo(Period.ofMonths(6));
        assertThatThrownBy(() -> RefreshSchedule.parseLag("six months")).hasMessageContaining("publicationLag 'six months'");
    }
}
