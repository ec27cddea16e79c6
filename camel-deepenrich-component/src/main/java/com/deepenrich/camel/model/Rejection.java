package com.deepenrich.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A contact refused before sending: its index in the input, the field at fault and why.
 */
@JsonPropertyOrder({ "index", "field", "reason", "contact" })
public final class Rejection {

    private final int index;
    private final String field;
    private final String reason;
    private final Object contact;

    public Rejection(int index, String field, String reason, Object contact) {
        this.index = index;
        this.field = field;
        this.reason = reason;
        this.contact = contact;
    }

    /** Zero-based position of the contact in the body as received. */
    @JsonProperty("index")
    public int getIndex() {
        return index;
    }

    /** The field at fault, in the API's name (firstname, custom.lead_id, ...). */
    @JsonProperty("field")
    public String getField() {
        return field;
    }

    @JsonProperty("reason")
    public String getReason() {
        return reason;
    }

    /** The contact as received, so a rejected one can be fixed and sent again. */
    @JsonProperty("contact")
    public Object getContact() {
        return contact;
    }

    @Override
    public String toString() {
        return "contact #" + index + " " + field + ": " + reason;
    }
}
