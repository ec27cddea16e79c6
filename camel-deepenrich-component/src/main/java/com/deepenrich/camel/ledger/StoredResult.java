package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A person's result kept for {@code reuseResultsWithin}, under her identity without the enrich fields (one result per
 * person, her latest, whatever she was asked for): the enrich fields she was asked for, her enriched contact (JSON),
 * the date it was found, and when it goes ({@code expiresAt}: the found date plus the window).
 */
public record StoredResult(String identity, List<String> enrichFields, String contact, Instant foundAt,
                           Instant expiresAt) {

    public StoredResult {
        enrichFields = List.copyOf(enrichFields);
    }
}
