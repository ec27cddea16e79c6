package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichNotFoundException;
import com.deepenrich.camel.DeepEnrichTimeoutException;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pending enrichments of the ledger (those the filter selects) and emits the final ones through the
 * {@link ResultEmitter}. Asynchronous: a poll starts the reads and returns; each id is read by one poller at a time
 * (ledger claim). An unknown id (404) and a job pending past {@code staleAfter} are reported to the exception
 * handler and counted, never dropped silently.
 */
public final class PendingPoller {

    private static final Logger LOG = LoggerFactory.getLogger(PendingPoller.class);

    private final DeepEnrichEndpoint endpoint;
    private final ResultEmitter emitter;
    private final ExceptionHandler exceptionHandler;
    private final Duration staleAfter;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> reportedStale = ConcurrentHashMap.newKeySet();
    private final AtomicInteger emittedSinceLastPoll = new AtomicInteger();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();

    public PendingPoller(DeepEnrichEndpoint endpoint, ResultEmitter emitter, ExceptionHandler exceptionHandler,
                         Duration staleAfter) {
        this.endpoint = endpoint;
        this.emitter = emitter;
        this.exceptionHandler = exceptionHandler;
        this.staleAfter = staleAfter;
    }

    /** Starts reading every selected pending id not already being read; returns results emitted since last call. */
    public int poll(Predicate<PendingEnrichment> select) {
        for (PendingEnrichment p : endpoint.getLedger().pending()) {
            String id = p.enrichmentId();
            if (!select.test(p) || inFlight.contains(id)
                    || !endpoint.getLedger().claim(id, emitter.owner(), ResultEmitter.CLAIM_LEASE)) {
                continue;
            }
            inFlight.add(id);
            endpoint.getClient().getResult(id, false).whenComplete((result, failure) -> {
                try {
                    if (failure != null) {
                        onReadFailure(p, Futures.unwrap(failure));
                    } else if (result.getStatus().isFinal()) {
                        emitFinal(result);
                        return;
                    } else {
                        endpoint.getLedger().release(id, emitter.owner());
                        reportIfStale(p);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Reading enrichment {} failed", id, e);
                    endpoint.getLedger().release(id, emitter.owner());
                }
                inFlight.remove(id);
            });
        }
        return emittedSinceLastPoll.getAndSet(0);
    }

    private void emitFinal(EnrichmentResult result) {
        Exchange exchange = endpoint.createExchange();
        emitter.emit(exchange, result, true, outcome -> {
            inFlight.remove(result.getId());
            if (outcome == ResultEmitter.Outcome.EMITTED) {
                emitted.incrementAndGet();
                emittedSinceLastPoll.incrementAndGet();
            } else if (outcome == ResultEmitter.Outcome.FAILED) {
                exceptionHandler.handleException("Route failed on enrichment " + result.getId()
                                                 + "; it stays pending and is emitted again",
                        exchange, exchange.getException());
            }
        });
    }

    private void onReadFailure(PendingEnrichment p, Throwable cause) {
        if (cause instanceof DeepEnrichNotFoundException) {
            notFound.incrementAndGet();
            exceptionHandler.handleException("DeepEnrich does not know enrichment " + p.enrichmentId() + " ('"
                                             + p.name() + "', " + p.contactCount()
                                             + " contacts); removed from the ledger",
                    cause);
            endpoint.getLedger().complete(p.enrichmentId());
            return;
        }
        readFailures.incrementAndGet();
        endpoint.getLedger().release(p.enrichmentId(), emitter.owner());
        LOG.warn("Reading enrichment {} failed, next poll tries again: {}", p.enrichmentId(), cause.getMessage());
    }

    private void reportIfStale(PendingEnrichment p) {
        if (p.submittedAt().plus(staleAfter).isBefore(Instant.now()) && reportedStale.add(p.enrichmentId())) {
            stale.incrementAndGet();
            exceptionHandler.handleException("Enrichment " + p.enrichmentId() + " ('" + p.name()
                                             + "') is still not final; it stays pending and is polled on",
                    new DeepEnrichTimeoutException(java.util.List.of(p.enrichmentId()), p.name(),
                            staleAfter.toMillis()));
        }
    }

    public long getEmitted() {
        return emitted.get();
    }

    public long getNotFound() {
        return notFound.get();
    }

    public long getStale() {
        return stale.get();
    }

    public long getReadFailures() {
        return readFailures.get();
    }

    public int getInFlight() {
        return inFlight.size();
    }
}
