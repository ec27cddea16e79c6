package com.deepenrich.camel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** After how long the count of {@code creditsBudget} starts again: never, each UTC day, or each UTC calendar month. */
public enum CreditsBudgetPeriod {

    /** One count for ever. */
    none,
    /** A new count at 00:00 UTC each day. */
    day,
    /** A new count at 00:00 UTC on the first day of each month. */
    month;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** The name of the period holding {@code at}: {@code all}, {@code 2026-12-06} or {@code 2026-12}. */
    public String key(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case none -> "all";
            case day -> date.toString();
            case month -> date.format(MONTH);
        };
    }

    /** When the period holding {@code at} ends; null for {@link #none}. */
    public Instant end(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return switch (this) {
            case none -> null;
            case day -> date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case month -> date.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }
}
