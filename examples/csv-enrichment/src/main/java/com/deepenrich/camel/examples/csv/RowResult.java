package com.deepenrich.camel.examples.csv;

import java.util.Objects;

import com.deepenrich.camel.model.EnrichedContact;

/** What the output says of one input row: the enrichment columns appended to it. */
public record RowResult(String email, String emailStatus, String phone, String outcome, String reason) {

    /** The outcome of a row refused before sending, because the API would refuse it. */
    public static final String REJECTED = "REJECTED";

    /** The names of the appended columns, in the order of {@link #columns()}. */
    static final String[] COLUMNS = {"email", "email_status", "phone", "outcome", "reason"};

    static RowResult of(EnrichedContact contact) {
        return new RowResult(Objects.toString(contact.getMostProbableEmail(), ""),
                Objects.toString(contact.getMostProbableEmailStatus(), ""),
                Objects.toString(contact.getMostProbablePhone(), ""), contact.getOutcome().name(), "");
    }

    static RowResult rejected(String reason) {
        return new RowResult("", "", "", REJECTED, reason);
    }

    String[] columns() {
        return new String[]{email, emailStatus, phone, outcome, reason};
    }

    static RowResult ofColumns(String[] c) {
        return new RowResult(c[0], c[1], c[2], c[3], c[4]);
    }
}
