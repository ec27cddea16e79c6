package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default ledger: one per component, shared by its endpoints, lost on restart. */
public class InMemoryDeepEnrichLedger implements DeepEnrichLedger {

    private final Map<String, PendingEnrichment> pending = new ConcurrentHashMap<>();
    private final LeaseTable leases = new LeaseTable();

    @Override
    public void record(PendingEnrichment p) {
        pending.put(p.enrichmentId(), p);
    }

    @Override
    public List<PendingEnrichment> pending() {
        return pending.values().stream().sorted(Comparator.comparing(PendingEnrichment::submittedAt)).toList();
    }

    @Override
    public Optional<PendingEnrichment> find(String enrichmentId) {
        return Optional.ofNullable(pending.get(enrichmentId));
    }

    @Override
    public boolean claim(String enrichmentId, String owner, Duration lease) {
        return pending.containsKey(enrichmentId) && leases.claim(enrichmentId, owner, lease);
    }

    @Override
    public void release(String enrichmentId, String owner) {
        leases.release(enrichmentId, owner);
    }

    @Override
    public boolean complete(String enrichmentId) {
        leases.forget(enrichmentId);
        return pending.remove(enrichmentId) != null;
    }
}
