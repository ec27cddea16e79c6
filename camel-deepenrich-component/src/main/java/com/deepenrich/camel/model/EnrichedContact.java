package com.deepenrich.camel.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of a result's {@code datas}: the caller's {@code custom} fields echoed back, what was found
 * ({@link #getContact()}), and the {@link ContactOutcome}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnrichedContact extends ExtensibleJson {

    @JsonProperty("custom")
    private Map<String, String> custom;
    @JsonProperty("contact")
    private ContactDetails contact;
    @JsonProperty("outcome")
    private ContactOutcome outcome;

    public Map<String, String> getCustom() {
        return custom == null ? Map.of() : custom;
    }

    public ContactDetails getContact() {
        if (contact == null) {
            contact = new ContactDetails();
        }
        return contact;
    }

    public ContactOutcome getOutcome() {
        return outcome;
    }

    @JsonIgnore
    public String getMostProbableEmail() {
        return getContact().getMostProbableEmail();
    }

    @JsonIgnore
    public String getMostProbableEmailStatus() {
        return getContact().getMostProbableEmailStatus();
    }

    @JsonIgnore
    public String getMostProbablePhone() {
        return getContact().getMostProbablePhone();
    }

    void assignOutcome(EnrichmentStatus status) {
        this.outcome = ContactOutcome.of(getContact().hasAnything(), status);
    }
}
