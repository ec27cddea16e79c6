package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One person held by one submission ({@code holder}) until {@code expiresAt}. Once the submission formed the request
 * she is sent in, the hold points at that request's key ({@code requestKey}), with her place in it ({@code position})
 * and custom fields, to find her in its result, and how long her result is kept for reuse ({@code keepResultFor},
 * zero: not kept). Before that, {@code requestKey} is null.
 */
public record PersonHold(String identity, String holder, String requestKey, int position, Map<String, String> custom,
                         Duration keepResultFor, Instant expiresAt) {

    public PersonHold {
        custom = custom == null ? Map.of() : Map.copyOf(custom);
        keepResultFor = keepResultFor == null ? Duration.ZERO : keepResultFor;
    }

    /** A hold of {@code holder} not pointing at a request yet. */
    public static PersonHold unassigned(String identity, String holder, Instant expiresAt) {
        return new PersonHold(identity, holder, null, -1, Map.of(), Duration.ZERO, expiresAt);
    }
}
