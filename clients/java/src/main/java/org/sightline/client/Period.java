package org.sightline.client;

import java.time.LocalDate;

/** A reporting period, e.g. {@code 2023} or {@code 2023/24}, with its first and last day. */
public record Period(String code, PeriodType type, LocalDate start, LocalDate end) {
}
