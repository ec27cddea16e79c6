package com.deepenrich.camel.producer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.consumer.DeepEnrichResultsConsumer;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * The contacts of a batch answered from their people's stored results ({@code reuseResultsWithin}), without a
 * request. An awaiting exchange puts them in its body; otherwise they reach the results route at once, as one result
 * of their own (a local id, finished, costing nothing) emitted through a results consumer of the same ledger running
 * in this component, before the exchange completes. Without such a consumer nothing is reused: the contacts are sent.
 */
final class ReusedContacts {

    private ReusedContacts() {
    }

    /** The reuse window for this exchange: zero when off, or when no results route here could take the answers. */
    static Duration window(DeepEnrichConfiguration cfg, DeepEnrichEndpoint endpoint) {
        boolean answerable = cfg.isAwaitResult()
                             || endpoint.getComponent().localResultRoutes().of(endpoint.getLedger()).isPresent();
        return answerable ? Duration.ofMillis(cfg.getReuseResultsWithin()) : Duration.ZERO;
    }

    /** An id for a result made here, never one of DeepEnrich's. */
    static String localId() {
        return "reused-" + UUID.randomUUID();
    }

    /** Emits the split's reused contacts through the results route; fails when the route did not process them. */
    static CompletableFuture<Void> emit(DeepEnrichEndpoint endpoint, PersonGuard.Split split, String name) {
        if (split.reused().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<EnrichedContact> answers = split.reused().stream().map(PersonGuard.Reused::answer).toList();
        EnrichmentResult local = EnrichmentResult.local(localId(), name, answers);
        DeepEnrichResultsConsumer route = endpoint.getComponent().localResultRoutes().of(endpoint.getLedger())
                .orElse(null);
        if (route == null) {
            return CompletableFuture.failedFuture(notEmitted(local, name, "no results consumer runs any more"));
        }
        return route.emitLocal(local).thenAccept(processed -> {
            if (!processed) {
                throw notEmitted(local, name, "the results route did not process it");
            }
        });
    }

    private static DeepEnrichException notEmitted(EnrichmentResult local, String name, String why) {
        return DeepEnrichException.local("reuse.emit", local.getContacts().size() + " contacts answered from stored "
                                                       + "results (" + local.getId() + ") were not emitted: " + why,
                name, null);
    }
}
