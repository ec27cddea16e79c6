package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default ledger: one per component, shared by its endpoints, lost on restart. Claims are held in memory. Its
 * people store holds at most {@link InMemoryPeopleRegistry#DEFAULT_MAX_HELD} people unless told otherwise.
 * Bean example: {@code camel.component.deepenrich.ledger = #class:com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger(100000)}.
 */
public class InMemoryDeepEnrichLedger implements DeepEnrichLedger {

    private final Map<String, PendingEnrichment> pending = new ConcurrentHashMap<>();
    private final LeaseTable leases = new LeaseTable();
    private final WireRecords wire = new InMemoryWireRecords();
    /** In the order they were accepted, so that forgetting the old ones stops at the first young one. */
    private final LinkedHashMap<String, AcceptedSubmission> submissions = new LinkedHashMap<>();
    private final InMemoryPeopleRegistry people;
    private final CreditsBook credits = new InMemoryCreditsBook();

    public InMemoryDeepEnrichLedger() {
        this(InMemoryPeopleRegistry.DEFAULT_MAX_HELD);
    }

    /** {@code maxPeopleHeld}: how many people its people store holds at most (see {@link InMemoryPeopleRegistry}). */
    public InMemoryDeepEnrichLedger(int maxPeopleHeld) {
        this(maxPeopleHeld, InMemoryPeopleRegistry.DEFAULT_MAX_STORED_RESULTS);
    }

    /**
     * {@code maxPeopleHeld} and {@code maxStoredResults}: how many people its people store holds and how many results
     * it keeps for reuse, at most (see {@link InMemoryPeopleRegistry}).
     */
    public InMemoryDeepEnrichLedger(int maxPeopleHeld, int maxStoredResults) {
        this.people = new InMemoryPeopleRegistry(maxPeopleHeld, maxStoredResults);
    }

    /** An accepted request's enrichment id, by fingerprint. */
    protected record AcceptedSubmission(String enrichmentId, Instant acceptedAt) {
    }

    @Override
    public WireRecords wire() {
        return wire;
    }

    @Override
    public void record(PendingEnrichment p) {
        pending.put(p.enrichmentId(), p);
    }

    @Override
    public List<PendingEnrichment> pending() {
        return pending.values().stream()
                .sorted(Comparator.comparing(PendingEnrichment::submittedAt)
                        .thenComparing(PendingEnrichment::enrichmentId))
                .toList();
    }

    @Override
    public Optional<PendingEnrichment> find(String enrichmentId) {
        return Optional.ofNullable(pending.get(enrichmentId));
    }

    @Override
    public boolean claim(String enrichmentId, String owner, Duration lease) {
        boolean[] won = {false};
        // claimed under the entry's lock, so a concurrent complete() cannot slip in between the check and the claim
        pending.computeIfPresent(enrichmentId, (id, p) -> {
            won[0] = leases.claim(id, owner, lease);
            return p;
        });
        return won[0];
    }

    @Override
    public void release(String enrichmentId, String owner) {
        leases.release(enrichmentId, owner);
    }

    @Override
    public boolean complete(String enrichmentId) {
        boolean removed = pending.remove(enrichmentId) != null;
        leases.forget(enrichmentId);
        return removed;
    }

    @Override
    public synchronized void recordSubmission(String fingerprint, String enrichmentId, Instant acceptedAt,
                                              Duration keep) {
        submissions.remove(fingerprint);
        submissions.put(fingerprint, new AcceptedSubmission(enrichmentId, acceptedAt));
        Instant forgetBefore = acceptedAt.minus(keep);
        Iterator<AcceptedSubmission> oldestFirst = submissions.values().iterator();
        while (oldestFirst.hasNext() && oldestFirst.next().acceptedAt().isBefore(forgetBefore)) {
            oldestFirst.remove();
        }
    }

    @Override
    public synchronized Optional<String> findSubmission(String fingerprint, Instant acceptedSince) {
        AcceptedSubmission s = submissions.get(fingerprint);
        return s == null || s.acceptedAt().isBefore(acceptedSince) ? Optional.empty() : Optional.of(s.enrichmentId());
    }

    @Override
    public synchronized void forgetSubmission(String enrichmentId) {
        submissions.values().removeIf(s -> s.enrichmentId().equals(enrichmentId));
    }

    @Override
    public PeopleRegistry people() {
        return people;

    }

    @Override
    public CreditsBook credits() {
        return credits;
    }

    /** The remembered submissions, for a subclass that persists them. */
    protected Map<String, AcceptedSubmission> submissions() {
        return submissions;
    }
}
