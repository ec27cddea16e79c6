package com.deepenrich.camel.ledger;

import java.time.Duration;
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
}
