package com.deepenrich.camel.examples.csv;

import java.util.List;

/** One data record of the input CSV; {@code id} is its 1-based position, the same in every run. */
public record CsvRow(long id, List<String> values) {

    /** The value in column {@code index}, empty when the record is shorter. */
    public String value(int index) {
        return index < values.size() ? values.get(index) : "";
    }
}
