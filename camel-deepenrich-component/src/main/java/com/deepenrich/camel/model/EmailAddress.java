package com.deepenrich.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An email found for a contact, with its status (DELIVERABLE, HIGH_PROBABILITY, CATCH_ALL, INVALID, ...). */
public class EmailAddress extends ExtensibleJson {

    @JsonProperty("email")
    private String email;
    @JsonProperty("status")
    private String status;

    public String getEmail() {
        return email;
    }

    public String getStatus() {
        return status;
    }
}
