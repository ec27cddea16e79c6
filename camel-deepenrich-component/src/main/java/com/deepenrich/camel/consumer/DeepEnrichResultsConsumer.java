package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.util.UUID;

import com.deepenrich.camel.DeepEnrichEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * {@code from("deepenrich:results")}: every {@code delay}, reads the pending enrichments of the ledger (those of
 * other instances sharing it too) and emits each final result once, then removes its id.
 */
public class DeepEnrichResultsConsumer extends ScheduledPollConsumer {

    private final DeepEnrichEndpoint endpoint;
    private PendingPoller poller;

    public DeepEnrichResultsConsumer(DeepEnrichEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        ResultEmitter emitter = new ResultEmitter(endpoint.getLedger(), endpoint.getIdempotentRepository(),
                getAsyncProcessor(), "poll-" + UUID.randomUUID());
        poller = new PendingPoller(endpoint, emitter, getExceptionHandler(),
                Duration.ofMillis(endpoint.getConfiguration().getStaleAfter()));
        super.doStart();
    }

    @Override
    protected int poll() {
        return poller.poll(pending -> true);
    }

    /** Counters: results emitted, unknown ids (404) reported, jobs reported stale, failed reads. */
    public PendingPoller getPoller() {
        return poller;
    }
}
