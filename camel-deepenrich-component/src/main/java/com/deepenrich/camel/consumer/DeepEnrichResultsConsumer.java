package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("deepenrich:results")}: every {@code delay}, emits the results read final since the previous poll,
 * then starts reading the pending enrichments of the ledger (those of other instances sharing it too). Each final
 * result is emitted once, on the consumer's thread, and its id then removed from the ledger. {@code poll()} never
 * waits for the API.
 */
public class DeepEnrichResultsConsumer extends ScheduledPollConsumer {

    private final DeepEnrichEndpoint endpoint;
    private final Predicate<PendingEnrichment> select;
    private final AtomicLong emitted = new AtomicLong();
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
                owner);
        poller = new PendingPoller(endpoint, owner, getExceptionHandler(),
                Duration.ofMillis(endpoint.getConfiguration().getStaleAfter()));
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
        int handed = 0;
        for (EnrichmentResult result = poller.nextFinal(); result != null; result = poller.nextFinal()) {
            emit(result);
            handed++;
        }
        poller.readPending(select);
        return handed;
    }

    private void emit(EnrichmentResult result) {
        Exchange exchange = createExchange(false);
        emitter.emit(exchange, result, true, outcome -> {
            poller.done(result.getId());
            if (outcome == ResultEmitter.Outcome.EMITTED) {
                emitted.incrementAndGet();
            }
            // reports a failed route to the exception handler (the id stays pending) and releases the exchange
            defaultConsumerCallback(exchange, false).done(false);
        });
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
