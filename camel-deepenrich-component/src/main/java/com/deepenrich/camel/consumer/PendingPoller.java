package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichNotFoundException;
import com.deepenrich.camel.DeepEnrichTimeoutException;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pending enrichments of the ledger without blocking: {@link #readPending} claims each selected id no one else
 * holds and starts its GET; a final result is handed to {@code onFinal} as soon as it is read, with its claim kept
 * until the consumer has emitted it ({@link #done}). An unknown id (404 with a DeepEnrich error code) and a job pending past
 * {@code staleAfter} are reported to the exception handler and counted, never dropped silently.
 */
public final class PendingPoller {

    private static final Logger LOG = LoggerFactory.getLogger(PendingPoller.class);

    private final DeepEnrichEndpoint endpoint;
    private final String owner;
    private final ExceptionHandler exceptionHandler;
    private final Duration staleAfter;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Consumer<EnrichmentResult> onFinal;
    private final Set<String> reportedStale = ConcurrentHashMap.newKeySet();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();
    private volatile boolean stopped;

    public PendingPoller(DeepEnrichEndpoint endpoint, String owner, ExceptionHandler exceptionHandler,
                         Duration staleAfter, Consumer<EnrichmentResult> onFinal) {
        this.endpoint = endpoint;
        this.onFinal = onFinal;
        this.owner = owner;
        this.exceptionHandler = exceptionHandler;
        this.staleAfter = staleAfter;
    }

    /** Starts reading every selected pending id that this poller is not handling already and no one else claimed. */
    public void readPending(Predicate<PendingEnrichment> select) {
        DeepEnrichLedger ledger = endpoint.getLedger();
        for (PendingEnrichment p : ledger.pending()) {
            String id = p.enrichmentId();
            if (stopped || !select.test(p) || !inFlight.add(id)) {
                continue;
            }
            boolean claimed = false;
            try {
                claimed = ledger.claim(id, owner, ResultEmitter.CLAIM_LEASE);
            } finally {
                if (!claimed) {
                    inFlight.remove(id);
                }
            }
            if (claimed) {
                read(id).whenComplete((result, failure) -> onRead(p, result, failure));
            }
        }
    }

    private CompletableFuture<EnrichmentResult> read(String id) {
        try {
            return endpoint.getClient().getResult(id, false);
        } catch (RuntimeException e) { // an id that makes no URL
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The result of this id was emitted, found a duplicate, or failed: the emitter completed or released it. */
    public void done(String enrichmentId) {
        inFlight.remove(enrichmentId);
    }

    /** Ids being read or emitted right now. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Starts no more reads; reads still running give their claims back when they end. */
    public void stop() {
        stopped = true;
    }

    private void onRead(PendingEnrichment p, EnrichmentResult result, Throwable failure) {
        String id = p.enrichmentId();
        try {
            if (failure != null) {
                onReadFailure(p, Futures.unwrap(failure));
            } else if (result.getStatus().isFinal() && !stopped) {
                onFinal.accept(result);
                return;
            } else {
                release(id);
                reportIfStale(p);
            }
        } catch (RuntimeException e) {
            LOG.warn("Handling the answer for enrichment {} failed: {}", id, e.getMessage(), e);
        }
        inFlight.remove(id);
    }

    private void onReadFailure(PendingEnrichment p, Throwable cause) {
        // a 404 without DeepEnrich's error body comes from a wrong baseUrl or a proxy, not from the API: keep the id
        if (cause instanceof DeepEnrichNotFoundException notFoundError && notFoundError.getCode() != null) {
            notFound.incrementAndGet();
            endpoint.getLedger().complete(p.enrichmentId());
            exceptionHandler.handleException("DeepEnrich does not know enrichment " + p.enrichmentId() + " ('"
                                             + p.name() + "', " + p.contactCount()
                                             + " contacts); removed from the ledger",
                    cause);
            return;
        }
        readFailures.incrementAndGet();
        release(p.enrichmentId());
        LOG.warn("Reading enrichment {} failed, the next poll tries again: {}", p.enrichmentId(), cause.getMessage());
    }

    private void reportIfStale(PendingEnrichment p) {
        if (p.submittedAt().plus(staleAfter).isBefore(Instant.now()) && reportedStale.add(p.enrichmentId())) {
            stale.incrementAndGet();
            exceptionHandler.handleException("Enrichment " + p.enrichmentId() + " ('" + p.name()
                                             + "') is still not final; it stays pending and is polled on",
                    new DeepEnrichTimeoutException(List.of(p.enrichmentId()), p.name(), staleAfter.toMillis()));
        }
    }

    private void release(String id) {
        endpoint.getLedger().release(id, owner);
    }

    /** Ids the API did not know (404), reported and removed from the ledger. */
    public long getNotFound() {
        return notFound.get();
    }

    /** Enrichments reported once for still not being final after staleAfter. */
    public long getStale() {
        return stale.get();
    }

    /** Reads that failed (connection, server, authentication); the ids stay pending. */
    public long getReadFailures() {
        return readFailures.get();
    }
}
