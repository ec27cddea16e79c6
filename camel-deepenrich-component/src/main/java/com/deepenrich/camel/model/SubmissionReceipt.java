package com.deepenrich.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a {@code bulk} submission did: one enrichment id per request of at most 100 contacts, and every contact
 * refused before sending (one {@link Rejection} per contact, however many problems it has). Always
 * {@code submitted + rejections = received}.
 */
@JsonPropertyOrder({"name", "enrichmentIds", "received", "submitted", "rejected"})
public final class SubmissionReceipt {

    private final String name;
    private final List<String> enrichmentIds;
    private final int received;
    private final int submitted;
    private final List<Rejection> rejections;

    public SubmissionReceipt(String name, List<String> enrichmentIds, int received, int submitted,
                             List<Rejection> rejections) {
        this.name = name;
        this.enrichmentIds = List.copyOf(enrichmentIds);
        this.received = received;
        this.submitted = submitted;
        this.rejections = List.copyOf(rejections);
    }

    @JsonProperty("name")
    public String getName() {
        return name;
    }

    @JsonProperty("enrichmentIds")
    public List<String> getEnrichmentIds() {
        return enrichmentIds;
    }

    @JsonProperty("received")
    public int getReceived() {
        return received;
    }

    @JsonProperty("submitted")
    public int getSubmitted() {
        return submitted;
    }

    /** The contacts refused before sending, one each, in input order. */
    @JsonProperty("rejected")
    public List<Rejection> getRejections() {
        return rejections;
    }

    @Override
    public String toString() {
        return "SubmissionReceipt[name=" + name + ", ids=" + enrichmentIds + ", received=" + received + ", submitted="
               + submitted + ", rejected=" + rejections.size() + "]";
    }
}
