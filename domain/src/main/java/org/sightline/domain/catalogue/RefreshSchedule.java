package org.sightline.domain.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When an indicator's owner has promised its next data: a frequency with a publication lag (the
 * next period is due {@code publicationLag} after it ends), or an explicit next-due date, which
 * wins until a release is published on or after it. All parts are optional: an indicator without
 * a schedule is never overdue.
 *
 * @param frequency      how often a new period is published; null when not stated
 * @param publicationLag how long after a period ends its data is due, e.g. {@code P6M}; null = no lag
 * @param explicitNextDue a date the owner has promised, overriding the frequency; null when none
 */
public record RefreshSchedule(RefreshFrequency frequency, Period publicationLag, LocalDate explicitNextDue) {

    public static final RefreshSchedule NONE = new RefreshSchedule(null, null, null);

    public RefreshSchedule {
        if (publicationLag != null && publicationLag.isNegative()) {
            throw new IllegalArgumentException("publicationLag must not be negative, e.g. P6M (six months)");
        }
    }

    /** Parses an ISO-8601 lag such as {@code P6M} or {@code P90D}, with a message naming the field. */
    public static Period parseLag(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Period.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("publicationLag '" + text + "' is not an ISO-8601 period such as P6M (six months) or P90D");
        }
    }

    /**
     * The date the next release is due, or null when nothing is due by this schedule.
     *
     * @param latestPeriodEnd the end of the latest period with published data (null: none yet)
     * @param lastRelease     when the latest release was published (null: none yet)
     * @param zone            the zone dates are judged in
     */
    public LocalDate nextDue(LocalDate latestPeriodEnd, OffsetDateTime lastRelease, ZoneId zone) {
        if (explicitNextDue != null
                && (lastRelease == null || lastRelease.atZoneSameInstant(zone).toLocalDate().isBefore(explicitNextDue))) {
            return explicitNextDue;
        }
        if (frequency == null || frequency == RefreshFrequency.AD_HOC || latestPeriodEnd == null) {
            return null;
        }
        // The end of the period after the latest: from the day after it ends, one step on, less a day
        // (so the quarter after one ending 30 September ends 31 December, not 30 December).
        LocalDate nextPeriodEnd = latestPeriodEnd.plusDays(1).plusMonths(frequency.months()).minusDays(1);
        return publicationLag == null ? nextPeriodEnd : nextPeriodEnd.plus(publicationLag);
    }

    /** Whether {@code today} is past the due date (a release due today is not yet late). */
    public static boolean overdue(LocalDate nextDue, LocalDate today) {
        return nextDue != null && today.isAfter(nextDue);
    }
}
