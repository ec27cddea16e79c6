package com.deepenrich.camel.util;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * The results routes running in this component, so that a producer can emit a result made without a request
 * (contacts answered from stored results) through the same route as the results of its ledger.
 */
public final class LocalResultRoutes {

    /** A running results route: a consumer of {@code deepenrich:results}. */
    public interface Route {

        DeepEnrichLedger ledger();

        boolean isRunAllowed();

        /** Emits {@code result} through the route; completes with whether the route processed it. */
        CompletableFuture<Boolean> emitLocal(EnrichmentResult result);
    }

    private final CopyOnWriteArrayList<Route> running = new CopyOnWriteArrayList<>();

    public void started(Route route) {
        running.addIfAbsent(route);
    }

    public void stopped(Route route) {
        running.remove(route);
    }

    /** A running results route of {@code ledger}, if any. */
    public Optional<Route> of(DeepEnrichLedger ledger) {
        return running.stream().filter(r -> r.ledger() == ledger && r.isRunAllowed()).findFirst();
    }
}
