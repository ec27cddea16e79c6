package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.ForeignResultsPolicy;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("deepenrich:results")}: every {@code delay}, starts reading the pending enrichments of the ledger (those
 * of other instances sharing it too). Each result read final is emitted at once, exactly once, on the thread that
 * completed its read, and its id then removed from the ledger. {@code poll()} never waits for the API; it returns
 * how many results were emitted since the previous poll (for the scheduler's idle backoff). Camel's graceful shutdown
 * waits for the ids it is reading or emitting ({@link #getPendingExchangesSize}) before it stops the route.
 */
public class DeepEnrichResultsConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private final DeepEnrichEndpoint endpoint;
    private final Predicate<PendingEnrichment> select;
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicInteger emittedSinceLastPoll = new AtomicInteger();
    private ResultEmitter emitter;
    private PendingPoller poller;

    public DeepEnrichResultsConsumer(DeepEnrichEndpoint endpoint, Processor processor,
                                     Predicate<PendingEnrichment> select) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.select = select;
    }

    @Override
    protected void doStart() throws Exception {
        String owner = "poll-" + UUID.randomUUID();
        emitter = new ResultEmitter(endpoint.getLedger(), endpoint.getIdempotentRepository(), getAsyncProcessor(),
                owner, ForeignResultsPolicy.emit, endpoint::resultEmitted);
        poller = new PendingPoller(endpoint, owner, getExceptionHandler(),
                Duration.ofMillis(endpoint.getConfiguration().getStaleAfter()), this::emit);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (poller != null) {
            poller.stop();
        }
    }

    @Override
    protected int poll() {
        poller.readPending(select);
        return emittedSinceLastPoll.getAndSet(0);
    }

    private void emit(EnrichmentResult result) {
        Exchange exchange = createExchange(false);
        emitter.emit(exchange, result, true, outcome -> {
            poller.done(result.getId());
            if (outcome == ResultEmitter.Outcome.EMITTED) {
                emitted.incrementAndGet();
                emittedSinceLastPoll.incrementAndGet();
            }
            // reports a failed route to the exception handler (the id stays pending) and releases the exchange
            defaultConsumerCallback(exchange, false).done(false);
        });
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
