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
    @JsonProperty("camel_deduplicated_from")
    private String deduplicatedFrom;

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

    /**
     * True when this contact was not sent because her person was being enriched for another contact: it carries that
     * contact's result, with its own custom fields. JSON {@code camel_deduplicated_from}, named apart from the API's.
     */
    @JsonIgnore
    public boolean isDeduplicated() {
        return deduplicatedFrom != null;
    }

    /** The enrichment whose result answered this deduplicated contact; null for a contact that was sent. */
    public String getDeduplicatedFrom() {
        return deduplicatedFrom;
    }

    /**
     * A contact answered with the result found for the same person in enrichment {@code enrichmentId}:
     * {@code found} (null when that result does not hold her: a blank contact with the result's outcome), with
     * {@code custom} as its own custom fields.
     */
    public static EnrichedContact deduplicated(EnrichedContact found, Map<String, String> custom, String enrichmentId,
                                               EnrichmentStatus status) {
        EnrichedContact copy = found == null
                ? new EnrichedContact() : DeepEnrichJson.mapper().convertValue(found, EnrichedContact.class);
        if (found == null) {
            copy.assignOutcome(status);
        }
        copy.custom = custom;
        copy.deduplicatedFrom = enrichmentId;
        return copy;
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
