package com.deepenrich.camel.model;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A contact refused before sending: its index in the input, every problem found with it (field at fault and why)
 * and the contact as received. One rejection per contact, however many problems it has, so that
 * {@code submitted + rejected = received}.
 */
@JsonPropertyOrder({"index", "field", "reason", "problems", "contact"})
public final class Rejection {

    /** One thing wrong with a contact: the field at fault, in the API's name, and why. */
    @JsonPropertyOrder({"field", "reason"})
    public record Problem(@JsonProperty("field") String field, @JsonProperty("reason") String reason) {

        @Override
        public String toString() {
            return field + ": " + reason;
        }
    }

    private final int index;
    private final List<Problem> problems;
    private final Object contact;

    /** A contact with one problem. */
    public Rejection(int index, String field, String reason, Object contact) {
        this(index, List.of(new Problem(field, reason)), contact);
    }

    /** A contact with one problem or more, in the order they were found. */
    public Rejection(int index, List<Problem> problems, Object contact) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection of the contact at index " + index + " needs a problem");
        }
        this.index = index;
        this.problems = List.copyOf(problems);
        this.contact = contact;
    }

    /** Zero-based position of the contact in the body as received. */
    @JsonProperty("index")
    public int getIndex() {
        return index;
    }

    /**
     * The field at fault, in the API's name (firstname, custom.lead_id, ...); when several are, the first one found
     * ({@link #getProblems()} has them all).
     */
    @JsonProperty("field")
    public String getField() {
        return problems.get(0).field();
    }

    /** Why the contact was refused: the reason of each of its problems, joined with "; " when it has several. */
    @JsonProperty("reason")
    public String getReason() {
        return problems.size() == 1
                ? problems.get(0).reason() : problems.stream().map(Problem::reason).collect(Collectors.joining("; "));
    }

    /** Every problem found with the contact, each with its field and reason, in the order they were found. */
    @JsonProperty("problems")
    public List<Problem> getProblems() {
        return problems;
    }

    /** The contact as received, so a rejected one can be fixed and sent again. */
    @JsonProperty("contact")
    public Object getContact() {
        return contact;
    }

    /**
     * {@code contact 4 (index 3) lastname: lastname is required; domain: company_name or domain is required}: its
     * position counted from 1 as people count rows, and its zero-based index.
     */
    @Override
    public String toString() {
        return "contact " + (index + 1) + " (index " + index + ") "
               + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
