package com.deepenrich.camel.consumer;

import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.deepenrich.camel.ledger.DeepEnrichLedger;

/**
 * The results consumers running in this component, so that a producer can emit a result made without a request
 * (contacts answered from stored results) through the same route as the results of its ledger.
 */
public final class LocalResultRoutes {

    private final CopyOnWriteArrayList<DeepEnrichResultsConsumer> running = new CopyOnWriteArrayList<>();

    void started(DeepEnrichResultsConsumer consumer) {
        running.addIfAbsent(consumer);
    }

    void stopped(DeepEnrichResultsConsumer consumer) {
        running.remove(consumer);
    }

    /** A running results consumer of {@code ledger}, if any. */
    public Optional<DeepEnrichResultsConsumer> of(DeepEnrichLedger ledger) {
        return running.stream().filter(c -> c.getEndpoint().getLedger() == ledger && c.isRunAllowed()).findFirst();
    }
}
