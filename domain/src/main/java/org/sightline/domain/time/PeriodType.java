package org.sightline.domain.time;

/** The kinds of reporting period Sightline understands, each with its code format. */
public enum PeriodType {
    /** Calendar year, code {@code 2019}: 1 January to 31 December. */
    YEAR,
    /** UK financial year, code {@code 2019/20}: 1 April 2019 to 31 March 2020. */
    FINANCIAL_YEAR,
    /** Calendar quarter, code {@code 2019-Q1}: January to March. */
    QUARTER,
    /** Calendar month, code {@code 2019-03}. */
    MONTH
}
