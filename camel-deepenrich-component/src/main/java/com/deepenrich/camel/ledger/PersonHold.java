package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One person held by one submission ({@code holder}) until {@code expiresAt}: {@code enrichmentId}, {@code position}
 * and {@code custom} are set once its request was accepted; {@code awaited} when that submission waits for its result
 * itself (awaitResult) rather than the results consumer.
 */
public record PersonHold(String identity, String holder, boolean awaited, String enrichmentId, int position,
                         Map<String, String> custom, Instant expiresAt) {

    public PersonHold {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    PersonHold accepted(String id, int at, Map<String, String> fields, Instant until) {
        return new PersonHold(identity, holder, awaited, id, at, fields, until);
    }
}
