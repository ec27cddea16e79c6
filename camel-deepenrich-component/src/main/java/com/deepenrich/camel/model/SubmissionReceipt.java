package com.deepenrich.camel.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a {@code bulk} submission did: one enrichment id per request of at most 100 contacts, and every contact
 * refused before sending (one {@link Rejection} per contact, however many problems it has), and the contacts not sent
 * because their person was being enriched already ({@code deduplicated}: they are answered with her result, see
 * {@link EnrichedContact#isDeduplicated()}). Always {@code submitted + deduplicated + rejections = received}.
 */
@JsonPropertyOrder({"name", "enrichmentIds", "received", "submitted", "deduplicated", "requestsAvoided", "rejected"})
public final class SubmissionReceipt {

    private final String name;
    private final List<String> enrichmentIds;
    private final int received;
    private final int submitted;
    private final List<Rejection> rejections;
    private final int deduplicated;

    public SubmissionReceipt(String name, List<String> enrichmentIds, int received, int submitted,
                             List<Rejection> rejections) {
        this(name, enrichmentIds, received, submitted, rejections, 0);
    }

    private SubmissionReceipt(String name, List<String> enrichmentIds, int received, int submitted,
                              List<Rejection> rejections, int deduplicated) {
        this.name = name;
        this.enrichmentIds = List.copyOf(enrichmentIds);
        this.received = received;
        this.submitted = submitted;
        this.rejections = List.copyOf(rejections);
        this.deduplicated = deduplicated;
    }

    /** This receipt, telling that {@code count} of the contacts received are answered from others' results. */
    public SubmissionReceipt withDeduplicated(int count) {
        return new SubmissionReceipt(name, enrichmentIds, received, submitted, rejections, count);
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

    /** Contacts not sent because their person was being enriched: each is answered with her result. */
    @JsonProperty("deduplicated")
    public int getDeduplicated() {
        return deduplicated;
    }

    /** The requests (of at most 100 contacts) the deduplicated contacts would have taken. */
    @JsonProperty("requestsAvoided")
    public int getRequestsAvoided() {
        return requests(submitted + deduplicated) - requests(submitted);
    }

    private static int requests(int contacts) {
        return (contacts + 99) / 100;
    }

    /** The contacts refused before sending, one each, in input order. */
    @JsonProperty("rejected")
    public List<Rejection> getRejections() {
        return rejections;
    }

    @Override
    public String toString() {
        return "SubmissionReceipt[name=" + name + ", ids=" + enrichmentIds + ", received=" + received + ", submitted="
               + submitted + ", deduplicated=" + deduplicated + ", rejected=" + rejections.size() + "]";
    }
}
