package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person's result kept for {@code reuseResultsWithin}, under her identity without the enrich fields (one result per
 * person, whatever she was asked for): first the place where her result will be (enrichment id,
 * position and custom fields, as for a hold), with the enrich fields asked and how long to keep it; then, once the
 * result arrived and found her, her enriched contact (JSON) and the date it was found. It expires at
 * {@code expiresAt}: the hold's end while the result is awaited, the found date plus {@code keep} once found.
 */
public record StoredResult(String identity, String enrichmentId, int position, Map<String, String> custom,
                           List<String> enrichFields, Duration keep, String contact, Instant foundAt,
                           Instant expiresAt) {

    /** Whether her result arrived and is kept (not only awaited). */
    public boolean isFound() {
        return contact != null;
    }

    /** This awaited result, found at {@code at}: kept until {@code at + keep}. */
    public StoredResult found(String enrichedContact, Instant at) {
        return new StoredResult(identity, enrichmentId, position, custom, enrichFields, keep, enrichedContact, at,
                at.plus(keep));
    }
}
