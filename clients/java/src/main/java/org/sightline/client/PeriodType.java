package org.sightline.client;

/** The kinds of reporting period. A value a newer server adds reads as {@code null}. */
public enum PeriodType {
    YEAR, FINANCIAL_YEAR, QUARTER, MONTH
}
