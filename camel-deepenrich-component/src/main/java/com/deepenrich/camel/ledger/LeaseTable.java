package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Claims with an expiry, held in memory: who may emit which enrichment right now. */
final class LeaseTable {

    private record Lease(String owner, long expiresAtNanos) {
    }

    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    boolean claim(String id, String owner, Duration lease) {
        long now = System.nanoTime();
        Lease mine = new Lease(owner, now + lease.toNanos());
        Lease result = leases.compute(id, (k, held) -> held == null || held.owner.equals(owner)
                                                       || held.expiresAtNanos - now <= 0 ? mine : held);
        return result == mine;
    }

    void release(String id, String owner) {
        leases.computeIfPresent(id, (k, held) -> held.owner.equals(owner) ? null : held);
    }

    void forget(String id) {
        leases.remove(id);
    }
}
