package com.deepenrich.camel.examples.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Medians, percentiles and the number formats of the report. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String integer(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%+.1f%%", value);
    }
}
