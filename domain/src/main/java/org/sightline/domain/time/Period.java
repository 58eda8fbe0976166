package org.sightline.domain.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period identified by its code. {@link #parse(String)} is the only way to turn user
 * input into a period, so every period in the system has a canonical code and exact dates.
 */
public record Period(String code, PeriodType type, LocalDate start, LocalDate end) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** The formats accepted by {@link #parse}, for error messages. */
    public static final String ACCEPTED_FORMATS = "2019 (year), 2019/20 (financial year), 2019-Q1 (quarter) or 2019-03 (month)";

    public Period {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period " + code + " ends before it starts");
        }
    }

    /**
     * Parses a period code.
     *
     * @throws InvalidPeriodException naming the code and the accepted formats
     */
    public static Period parse(String rawCode) {
        if (rawCode == null || rawCode.isBlank()) {
            throw new InvalidPeriodException("period is empty; expected " + ACCEPTED_FORMATS);
        }
        String code = rawCode.strip();
        Matcher m;
        if ((m = YEAR.matcher(code)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return new Period(code, PeriodType.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if ((m = FINANCIAL_YEAR.matcher(code)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int next = Integer.parseInt(m.group(2));
            if (next != (year + 1) % 100) {
                throw new InvalidPeriodException("period '" + code + "' is not a financial year: "
                        + m.group(2) + " does not follow " + year + " (expected " + year + "/"
                        + String.format("%02d", (year + 1) % 100) + ")");
            }
            return new Period(code, PeriodType.FINANCIAL_YEAR, LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31));
        }
        if ((m = QUARTER.matcher(code)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
            return new Period(code, PeriodType.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if ((m = MONTH.matcher(code)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidPeriodException("period '" + code + "' has no month " + month + "; expected " + ACCEPTED_FORMATS);
            }
            YearMonth yearMonth = YearMonth.of(Integer.parseInt(m.group(1)), month);
            return new Period(code, PeriodType.MONTH, yearMonth.atDay(1), yearMonth.atEndOfMonth());
        }
        throw new InvalidPeriodException("period '" + code + "' is not in a known format; expected " + ACCEPTED_FORMATS);
    }

    /** Orders periods by start date, then by length (a month before the year that starts with it). */
    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }
}
