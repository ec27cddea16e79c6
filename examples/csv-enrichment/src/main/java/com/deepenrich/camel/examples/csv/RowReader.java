package com.deepenrich.camel.examples.csv;

import java.util.Map;

/** The reading side of the route: the input's rows, which of them still need sending, and as what contact. */
public final class RowReader {

    private final CsvInput input;
    private final ColumnMapping mapping;
    private final JobState state;

    public RowReader(CsvInput input, ColumnMapping mapping, JobState state) {
        this.input = input;
        this.mapping = mapping;
        this.state = state;
    }

    /** Every input row, streamed (the splitter closes it). */
    public CsvInput.Rows rows() {
        return input.rows();
    }

    public boolean needsSubmission(CsvRow row) {
        return state.needsSubmission(row.id());
    }

    public Map<String, Object> contact(CsvRow row) {
        return mapping.contact(row);
    }
}
