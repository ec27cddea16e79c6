package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.util.function.Consumer;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.producer.DeepEnrichProducer;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Emits a final result into the route exactly once, whether it came by webhook or by polling: the idempotent
 * repository is keyed on (enrichment id, status) and only confirmed, and the id only removed from the ledger,
 * once the route has processed the exchange. A failed route leaves both as they were, so a retry brings it back.
 */
public final class ResultEmitter {

    /** What became of one emission attempt. */
    public enum Outcome {
        /** The route processed it. */
        EMITTED,
        /** Already emitted before: nothing sent to the route. */
        DUPLICATE,
        /** Another poller or instance is emitting it right now: try later. */
        BUSY,
        /** The route failed: nothing marked, it will come again. */
        FAILED
    }

    /** How long a claim on an id holds before another owner may take it over (a crashed owner's work). */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final DeepEnrichLedger ledger;
    private final IdempotentRepository seen;
    private final AsyncProcessor processor;
    private final String owner;

    public ResultEmitter(DeepEnrichLedger ledger, IdempotentRepository seen, AsyncProcessor processor, String owner) {
        this.ledger = ledger;
        this.seen = seen;
        this.processor = processor;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    /**
     * Emits {@code result} on {@code exchange}. {@code claimed} says whether this owner already holds the ledger
     * claim on the id (the poller does); {@code done} is called exactly once with the outcome.
     */
    public void emit(Exchange exchange, EnrichmentResult result, boolean claimed, Consumer<Outcome> done) {
        String id = result.getId();
        String key = deliveryKey(result);
        if (!seen.add(exchange, key)) {
            if (claimed) {
                ledger.complete(id);
            }
            done.accept(Outcome.DUPLICATE);
            return;
        }
        if (!claimed && ledger.find(id).isPresent() && !ledger.claim(id, owner, CLAIM_LEASE)) {
            seen.remove(exchange, key);
            done.accept(Outcome.BUSY);
            return;
        }
        DeepEnrichProducer.setResult(exchange.getMessage(), result);
        processor.process(exchange, doneSync -> {
            if (exchange.isFailed()) {
                seen.remove(exchange, key);
                ledger.release(id, owner);
                done.accept(Outcome.FAILED);
            } else {
                seen.confirm(exchange, key);
                ledger.complete(id);
                done.accept(Outcome.EMITTED);
            }
        });
    }

    /** A delivery is the same when its enrichment id and final status are (DeepEnrich sends no delivery id). */
    public static String deliveryKey(EnrichmentResult result) {
        return result.getId() + ":" + result.getStatus();
    }
}
