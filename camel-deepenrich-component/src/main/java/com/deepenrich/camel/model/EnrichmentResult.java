package com.deepenrich.camel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The result of one enrichment (GET /contact/enrich/bulk/{id} and the webhook body), or several merged in input
 * order by {@code awaitResult}. Every contact carries its {@link ContactOutcome}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "status", "cost", "datas"})
public class EnrichmentResult extends ExtensibleJson {

    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("status")
    private EnrichmentStatus status;
    @JsonProperty("cost")
    private Map<String, Object> cost;
    @JsonProperty("datas")
    private List<EnrichedContact> contacts;

    public EnrichmentResult() {
    }

    /** Several results merged in the given order: ids joined with commas, costs added, the least final status. */
    public static EnrichmentResult merge(List<EnrichmentResult> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        EnrichmentResult merged = new EnrichmentResult();
        List<String> ids = new ArrayList<>();
        long credits = 0;
        merged.contacts = new ArrayList<>();
        merged.status = EnrichmentStatus.FINISHED;
        for (EnrichmentResult part : parts) {
            ids.add(part.id);
            credits += part.getCredits();
            merged.contacts.addAll(part.getContacts());
            merged.name = merged.name == null ? part.name : merged.name;
            if (part.status != EnrichmentStatus.FINISHED) {
                merged.status = part.status;
            }
        }
        merged.id = String.join(",", ids);
        merged.cost = Map.of("credits", credits);
        return merged;
    }

    /** This result with {@code contacts} in place of its own (deduplicated contacts answered from it added). */
    public EnrichmentResult withContacts(List<EnrichedContact> contacts) {
        EnrichmentResult copy = new EnrichmentResult();
        copy.id = id;
        copy.name = name;
        copy.status = status;
        copy.cost = cost;
        copy.contacts = List.copyOf(contacts);
        getOtherFields().forEach(copy::setOtherField);
        return copy;
    }

    /** Contacts of this result answered from another contact's enrichment, not sent (see EnrichedContact). */
    public long countDeduplicated() {
        return getContacts().stream().filter(EnrichedContact::isDeduplicated).count();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public EnrichmentStatus getStatus() {
        return status == null ? EnrichmentStatus.UNKNOWN : status;
    }

    /** Credits this enrichment spent, 0 when the API did not say. */
    @JsonIgnore
    public long getCredits() {
        Object credits = cost == null ? null : cost.get("credits");
        return credits instanceof Number ? ((Number) credits).longValue() : 0;
    }

    public Map<String, Object> getCost() {
        return cost;
    }

    public List<EnrichedContact> getContacts() {
        return contacts == null ? List.of() : contacts;
    }

    /** Sets each contact's outcome from its data and this result's status; called once the result is read. */
    public EnrichmentResult withOutcomes() {
        for (EnrichedContact c : getContacts()) {
            c.assignOutcome(status);
        }
        return this;
    }

    /** Count of contacts with the given outcome. */
    public long count(ContactOutcome outcome) {
        return getContacts().stream().filter(c -> c.getOutcome() == outcome).count();
    }

    @Override
    public String toString() {
        return "EnrichmentResult[id=" + id + ", name=" + name + ", status=" + status + ", contacts="
               + getContacts().size() + ", credits=" + getCredits() + "]";
    }
}
