package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichNotFoundException;
import com.deepenrich.camel.DeepEnrichTimeoutException;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.client.RateLimiter;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.RequestNames;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads pending enrichments of the ledger without blocking, each when its result can be expected
 * ({@link ReadSchedule}): {@link #readPending} queues the due ids, oldest first and at most {@code maxReadsPerPoll}
 * waiting at a time, in the rate limiter's poll-read lane; an id is claimed only when the limiter hands out its turn,
 * and a turn whose claim another owner holds is passed on unspent. A final result is handed to {@code onFinal} as
 * soon as it is read, with its claim kept until the consumer has emitted it ({@link #done}). An unknown id (404 with
 * a DeepEnrich error code) and a job pending past {@code staleAfter} are reported to the exception handler and
 * counted, never dropped silently.
 */
public final class PendingPoller {

    private static final Logger LOG = LoggerFactory.getLogger(PendingPoller.class);

    /** How a poller paces its reads. {@code maxReadsPerPoll} 0: no cap. */
    public record ReadPolicy(Duration firstRead, Duration interval, Duration maxInterval, int maxReadsPerPoll,
                             Duration claimLease, Duration staleAfter) {
    }

    private final DeepEnrichEndpoint endpoint;
    private final String owner;
    private final ExceptionHandler exceptionHandler;
    private final ReadPolicy policy;
    private final ReadSchedule schedule;
    /** Ids queued, being read or being emitted: not queued again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Reads queued in the limiter whose turn has not come yet. */
    private final AtomicInteger queued = new AtomicInteger();
    private final Consumer<EnrichmentResult> onFinal;
    private final Set<String> reportedStale = ConcurrentHashMap.newKeySet();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong notFound = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();
    private final AtomicReference<Throwable> lastReadFailure = new AtomicReference<>();
    private final AtomicLong readFailuresSinceTaken = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean stopped;

    public PendingPoller(DeepEnrichEndpoint endpoint, String owner, ExceptionHandler exceptionHandler,
                         ReadPolicy policy, Consumer<EnrichmentResult> onFinal) {
        this.endpoint = endpoint;
        this.onFinal = onFinal;
        this.owner = owner;
        this.exceptionHandler = exceptionHandler;
        this.policy = policy;
        this.schedule = new ReadSchedule(policy.firstRead(), policy.interval(), policy.maxInterval());
    }

    /**
     * Queues a read of every selected pending id that is due and not handled by this poller already, oldest first, until
     * this poll started {@code maxReadsPerPoll} reads or as many wait for their turn.
     */
    public void readPending(Predicate<PendingEnrichment> select) {
        List<PendingEnrichment> pending = endpoint.getLedger().pending();
        schedule.retainOnly(pending.stream().map(PendingEnrichment::enrichmentId).collect(Collectors.toSet()));
        Instant now = Instant.now();
        int started = 0;
        for (PendingEnrichment p : pending) {
            if (stopped || paused || isCapped(started)) {
                return;
            }
            if (select.test(p) && schedule.isDue(p, now) && inFlight.add(p.enrichmentId())) {
                new Read(p).start();
                started++;
            }
        }
    }

    private boolean isCapped(int startedThisPoll) {
        int cap = policy.maxReadsPerPoll();
        return cap > 0 && (startedThisPoll >= cap || queued.get() >= cap);
    }

    /** One read of one id, from its queuing to its answer; retries of its request are part of it. */
    private final class Read {

        private final PendingEnrichment pending;
        private final AtomicBoolean waitingForTurn = new AtomicBoolean(true);
        private volatile boolean claimed;

        Read(PendingEnrichment pending) {
            this.pending = pending;
        }

        void start() {
            queued.incrementAndGet();
            String id = pending.enrichmentId();
            CompletableFuture<EnrichmentResult> answer;
            try {
                answer = endpoint.getClient().getResult(id, false, RateLimiter.Turn.pollRead(this::onTurn));
            } catch (RuntimeException e) { // an id that makes no URL
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((result, failure) -> {
                leaveQueue();
                onRead(this, result, failure);
            });
        }

        /** The limiter hands out this read's turn (again, for a retry): claim the id now, or pass the turn on. */
        private boolean onTurn() {
            leaveQueue();
            if (paused || stopped) {
                return false;
            }
            claimed = endpoint.getLedger().claim(pending.enrichmentId(), owner, policy.claimLease());
            if (claimed) {
                reads.incrementAndGet();
            }
            return claimed;
        }

        private void leaveQueue() {
            if (waitingForTurn.compareAndSet(true, false)) {
                queued.decrementAndGet();
            }
        }
    }

    /** The result of this id was emitted, found a duplicate, or failed: the emitter completed or released it. */
    public void done(String enrichmentId) {
        schedule.forget(enrichmentId);
        inFlight.remove(enrichmentId);
    }

    /** Ids being read (claimed) or emitted right now; reads still waiting for their turn hold nothing. */
    public int inFlight() {
        return Math.max(0, inFlight.size() - queued.get());
    }

    /** Queues no more reads, and reads whose turn comes pass it on, until {@link #resume}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Starts no more reads; reads still running give their claims back when they end. */
    public void stop() {
        stopped = true;
    }

    private void onRead(Read read, EnrichmentResult result, Throwable failure) {
        PendingEnrichment p = read.pending;
        String id = p.enrichmentId();
        try {
            if (failure != null) {
                onReadFailure(read, Futures.unwrap(failure));
            } else if (result.getStatus().isFinal() && !stopped) {
                onFinal.accept(result);
                return;
            } else {
                release(id);
                schedule.readRunning(id, Instant.now());
                reportIfStale(p);
            }
        } catch (RuntimeException e) {
            LOG.warn("Handling the answer for enrichment {} failed: {}", id, e.getMessage(), e);
        }
        inFlight.remove(id);
    }

    private void onReadFailure(Read read, Throwable cause) {
        PendingEnrichment p = read.pending;
        if (cause instanceof RateLimiter.TurnDeclined && cause.getCause() == null) {
            if (read.claimed) { // declined on a retry: paused or stopped
                release(p.enrichmentId());
            } else if (!paused && !stopped) { // another owner holds the claim: it reads the id now
                schedule.readRunning(p.enrichmentId(), Instant.now());
            }
            return;
        }
        // a 404 without DeepEnrich's error body comes from a wrong baseUrl or a proxy, not from the API: keep the id
        if (cause instanceof DeepEnrichNotFoundException notFoundError && notFoundError.getCode() != null) {
            notFound.incrementAndGet();
            endpoint.getLedger().complete(p.enrichmentId());
            String requestKey = RequestNames.keyOf(p.name());
            if (requestKey != null) {
                endpoint.getLedger().people().forget(requestKey); // its people may be sent again
            }
            schedule.forget(p.enrichmentId());
            exceptionHandler.handleException("DeepEnrich does not know enrichment " + p.enrichmentId() + " ('"
                                             + p.name() + "', " + p.contactCount()
                                             + " contacts); removed from the ledger",
                    cause);
            return;
        }
        readFailures.incrementAndGet();
        readFailuresSinceTaken.incrementAndGet();
        lastReadFailure.set(cause);
        release(p.enrichmentId());
        schedule.readRunning(p.enrichmentId(), Instant.now());
        LOG.debug("Reading enrichment {} failed, it is read again later: {}", p.enrichmentId(), cause.getMessage());
    }

    /**
     * The reads that failed since the last call, as one exception for the consumer's poll strategy (null when none
     * failed): the ids stay pending and are read again later.
     */
    public DeepEnrichException takeReadFailures() {
        long failed = readFailuresSinceTaken.getAndSet(0);
        Throwable last = lastReadFailure.getAndSet(null);
        if (failed == 0 || last == null) {
            return null;
        }
        return DeepEnrichException.local("read.failed", failed + " read(s) of pending enrichments failed since the "
                                                        + "previous poll; they are read again later. The last: "
                                                        + last.getMessage(),
                null, last);
    }

    private void reportIfStale(PendingEnrichment p) {
        if (p.submittedAt().plus(policy.staleAfter()).isBefore(Instant.now()) && reportedStale.add(p.enrichmentId())) {
            stale.incrementAndGet();
            exceptionHandler.handleException("Enrichment " + p.enrichmentId() + " ('" + p.name()
                                             + "') is still not final; it stays pending and is polled on",
                    new DeepEnrichTimeoutException(List.of(p.enrichmentId()), p.name(),
                            policy.staleAfter().toMillis()));
        }
    }

    private void release(String id) {
        endpoint.getLedger().release(id, owner);
    }

    /** GET requests this poller sent, retries included. */
    public long getReads() {
        return reads.get();
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
