package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.ForeignResultsPolicy;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.util.LocalResultRoutes;
import com.deepenrich.camel.util.ResultEmitter;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("deepenrich:results")}: every {@code delay}, starts reading the pending enrichments of the ledger (those
 * of other instances sharing it too) whose result can be expected ({@link PendingPoller}). Each result read final is emitted at once, exactly once, on the thread that
 * completed its read, and its id then removed from the ledger. {@code poll()} never waits for the API; it returns
 * how many results were emitted since the previous poll (for the scheduler's idle backoff). Camel's graceful shutdown
 * waits for the ids it is reading or emitting ({@link #getPendingExchangesSize}) before it stops the route.
 */
public class DeepEnrichResultsConsumer extends ScheduledPollConsumer
        implements ShutdownAware, LocalResultRoutes.Route {

    private final DeepEnrichEndpoint endpoint;
    private final Predicate<PendingEnrichment> select;
    private final Duration firstRead;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicInteger emittedSinceLastPoll = new AtomicInteger();
    private ResultEmitter emitter;
    private PendingPoller poller;

    public DeepEnrichResultsConsumer(DeepEnrichEndpoint endpoint, Processor processor,
                                     Predicate<PendingEnrichment> select, Duration firstRead) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.select = select;
        this.firstRead = firstRead;
    }

    @Override
    protected void doStart() throws Exception {
        String owner = "poll-" + UUID.randomUUID();
        emitter = new ResultEmitter(endpoint.getLedger(), endpoint.getIdempotentRepository(), getAsyncProcessor(),
                owner, ForeignResultsPolicy.emit, endpoint::resultEmitted);
        poller = new PendingPoller(endpoint, owner, getExceptionHandler(), readPolicy(), this::emit);
        super.doStart();
        endpoint.getComponent().localResultRoutes().started(this);
    }

    private PendingPoller.ReadPolicy readPolicy() {
        DeepEnrichConfiguration cfg = endpoint.getConfiguration();
        Duration claimLease = Duration.ofMillis(cfg.getClaimLease());
        Duration oneRead = Duration.ofMillis(cfg.getRequestTimeout()).multipliedBy(cfg.getMaxRetries() + 1L)
                .plus(Duration.ofMillis(cfg.getMaxRetryDelay()).multipliedBy(cfg.getMaxRetries()));
        if (claimLease.compareTo(oneRead) <= 0) {
            throw new IllegalArgumentException("claimLease (" + claimLease.toMillis() + " ms) must exceed one read "
                                               + "with its retries, (maxRetries + 1) x requestTimeout + maxRetries x "
                                               + "maxRetryDelay = " + oneRead.toMillis() + " ms");
        }
        int maxReadsPerPoll = cfg.getMaxReadsPerPoll();
        if (maxReadsPerPoll <= 0 && cfg.getRequestsPerMinute() > 0) {
            // the turns the limiter has in one poll delay: more would wait for the next poll anyway
            maxReadsPerPoll = (int) Math.max(1, cfg.getRequestsPerMinute() * getDelay() / 60_000);
        }
        Duration interval = Duration.ofMillis(Math.max(firstRead.toMillis(), getDelay()));
        return new PendingPoller.ReadPolicy(firstRead, interval, Duration.ofMillis(cfg.getMaxReadInterval()),
                maxReadsPerPoll, claimLease, Duration.ofMillis(cfg.getStaleAfter()));
    }

    /** A suspended consumer queues no reads, and its reads waiting for a turn pass it on. */
    @Override
    protected void doSuspend() throws Exception {
        if (poller != null) {
            poller.pause();
        }
        super.doSuspend();
    }

    @Override
    protected void doResume() throws Exception {
        if (poller != null) {
            poller.resume();
        }
        super.doResume();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().localResultRoutes().stopped(this);
        super.doStop();
        if (poller != null) {
            poller.stop();
        }
    }

    /**
     * Starts the reads that are due and returns the results emitted since the previous poll; reads that failed since
     * then are thrown, so that Camel's poll strategy reports them and {@code backoffErrorThreshold} reacts.
     */
    @Override
    protected int poll() throws Exception {
        endpoint.getOverdueRequests().report();
        DeepEnrichException failedReads = poller.takeReadFailures();
        poller.readPending(select);
        if (failedReads != null) {
            throw failedReads;
        }
        return emittedSinceLastPoll.getAndSet(0);
    }

    private void emit(EnrichmentResult result) {
        emit(result, outcome -> poller.done(result.getId()));
    }

    /**
     * Emits a result made without a request (contacts answered from stored results) like a polled one; completes
     * with whether the route processed it. It is in no ledger: the caller waits for this, so a crash before the route
     * processed it leaves the caller's exchange unfinished, to be sent again.
     */
    @Override
    public CompletableFuture<Boolean> emitLocal(EnrichmentResult result) {
        CompletableFuture<Boolean> processed = new CompletableFuture<>();
        emit(result, outcome -> processed.complete(outcome == ResultEmitter.Outcome.EMITTED));
        return processed;
    }

    private void emit(EnrichmentResult result, Consumer<ResultEmitter.Outcome> after) {
        Exchange exchange = createExchange(false);
        emitter.emit(exchange, result, true, outcome -> {
            after.accept(outcome);
            if (outcome == ResultEmitter.Outcome.EMITTED) {
                emitted.incrementAndGet();
                emittedSinceLastPoll.incrementAndGet();
            }
            // reports a failed route to the exception handler (the id stays pending) and releases the exchange
            defaultConsumerCallback(exchange, false).done(false);
        });
    }

    @Override
    public DeepEnrichLedger ledger() {
        return endpoint.getLedger();
    }

    @Override
    public DeepEnrichEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    /** Reads and emissions under way: a read that ends final is emitted into the route, which must still run. */
    @Override
    public int getPendingExchangesSize() {
        return poller == null ? 0 : poller.inFlight();
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // suspended by the shutdown strategy already: no new polls; the reads under way end on their own
    }

    /** Results this consumer emitted into its route. */
    public long getEmitted() {
        return emitted.get();
    }

    /** Counters of the reads: unknown ids, stale jobs, failed reads. */
    public PendingPoller getPoller() {
        return poller;
    }
}
