package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where submitted enrichment ids live until their result is emitted, so that a restart or another instance still
 * emits every result once. Implementations must be thread-safe; shared ones (JDBC) make {@link #claim} atomic
 * across processes.
 */
public interface DeepEnrichLedger {

    /** Records a submitted enrichment; called before the submitting exchange completes. */
    void record(PendingEnrichment pending);

    /** Every pending enrichment, oldest first. */
    List<PendingEnrichment> pending();

    Optional<PendingEnrichment> find(String enrichmentId);

    /**
     * Takes the right to emit this enrichment's result for {@code lease}; false when another owner holds an unexpired
     * claim or the id is no longer pending. A crashed owner's claim expires, so its work is taken over.
     */
    boolean claim(String enrichmentId, String owner, Duration lease);

    /** Gives a claim back without emitting (the route failed): another poll or delivery will try again. */
    void release(String enrichmentId, String owner);

    /** The result was emitted: forget the id. Returns false when it was not pending. */
    boolean complete(String enrichmentId);

    /**
     * Remembers that a request with this fingerprint (its contacts and enrich fields) was accepted as
     * {@code enrichmentId}, so that the same request seen again is answered with that id instead of a second, paid
     * job; fingerprints older than {@code keep} before {@code acceptedAt} may be forgotten now. Kept apart from the
     * pending ids: a fingerprint outlives the emission of its result. Ledgers that do not implement it remember
     * nothing (every request is sent).
     */
    default void recordSubmission(String fingerprint, String enrichmentId, Instant acceptedAt, Duration keep) {
    }

    /** The enrichment id of a request with this fingerprint accepted at or after {@code acceptedSince}, if any. */
    default Optional<String> findSubmission(String fingerprint, Instant acceptedSince) {
        return Optional.empty();
    }

    /**
     * The requests written to the API and not answered yet (write-ahead): after a crash, exactly the requests in
     * doubt. A ledger that does not override it keeps none (a result of a request in doubt is then emitted as a
     * foreign one).
     */
    default WireRecords wire() {
        return WireRecords.NONE;
    }

    /**
     * Forgets the fingerprints of the requests accepted as {@code enrichmentId}: it ended without enriching them
     * (credits ran out, canceled), so the same request sent again is sent.
     */
    default void forgetSubmission(String enrichmentId) {
    }

    /**
     * The people being enriched and the contacts waiting for them (see {@link PeopleRegistry}). A ledger that does not
     * override it remembers no one: a person is deduplicated within her exchange only.
     */
    default PeopleRegistry people() {
        return PeopleRegistry.NONE;
    }

    /**
     * Whether other processes read and write this ledger (a database several nodes share): a results consumer of
     * another node may then answer the people held here, so the producer holds people across exchanges even where no
     * results consumer of this ledger runs in its own JVM. False (the default): one process at a time.
     */
    default boolean isShared() {
        return false;
    }

    /**
     * The reservations and spend of {@code creditsBudget}, per account and period. A ledger that keeps none (this
     * default) leaves the component counting in memory, for its JVM, from its start.
     */
    default CreditsBook credits() {
        return CreditsBook.NONE;
    }
}
