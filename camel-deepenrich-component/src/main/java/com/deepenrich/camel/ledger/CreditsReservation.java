package com.deepenrich.camel.ledger;

import java.time.Instant;

/**
 * Credits held for one request until its result tells what it cost: {@code credits} (its worst case) in the count
 * of {@code account} (a digest of the base URL and API key, never the key) for {@code period}. The enrichment id is
 * known once the API accepted the request (null before), and is what its result settles it by.
 */
public record CreditsReservation(String id, String account, String period, long credits, String requestName,
                                 Instant reservedAt, String enrichmentId) {

    public CreditsReservation withEnrichmentId(String enrichmentId) {
        return new CreditsReservation(id, account, period, credits, requestName, reservedAt, enrichmentId);
    }
}
