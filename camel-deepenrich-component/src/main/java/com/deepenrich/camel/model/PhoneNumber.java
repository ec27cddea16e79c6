package com.deepenrich.camel.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A phone number found for a contact. */
public class PhoneNumber extends ExtensibleJson {

    @JsonProperty("number")
    private String number;
    @JsonProperty("region")
    private String region;

    public String getNumber() {
        return number;
    }

    public String getRegion() {
        return region;
    }
}
