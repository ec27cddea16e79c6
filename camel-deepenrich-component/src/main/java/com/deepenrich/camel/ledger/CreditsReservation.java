package com.deepenrich.camel.ledger;

import java.time.Instant;

/**
 * Credits held for one request until its result tells what it cost: {@code credits} (its worst case) in the count
 * of {@code account} (a digest of the base URL and API key, never the key) for {@code period}. {@code id} is the
 * request's key (the suffix of its name), which its result carries: the result settles it whether or not the answer
 * with its enrichment id came first.
 */
public record CreditsReservation(String id, String account, String period, long credits, String requestName,
                                 Instant reservedAt) {
}
