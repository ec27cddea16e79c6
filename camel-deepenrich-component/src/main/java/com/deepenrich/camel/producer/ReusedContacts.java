package com.deepenrich.camel.producer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionProgress;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.deepenrich.camel.util.LocalResultRoutes;

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

    /**
     * Emits the split's reused contacts through the results route; fails when the route did not process them, the
     * failure listing them as not submitted (the receipt's requests were).
     */
    static CompletableFuture<Void> emit(DeepEnrichEndpoint endpoint, PersonGuard.Split split,
                                        SubmissionReceipt receipt) {
        if (split.reused().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<EnrichedContact> answers = split.reused().stream().map(PersonGuard.Reused::answer).toList();
        EnrichmentResult local = EnrichmentResult.local(localId(), receipt.getName(), answers);
        LocalResultRoutes.Route route = endpoint.getComponent().localResultRoutes().of(endpoint.getLedger())
                .orElse(null);
        if (route == null) {
            return CompletableFuture.failedFuture(notEmitted(local, split, receipt, "no results consumer runs"));
        }
        return route.emitLocal(local).thenAccept(processed -> {
            if (!processed) {
                throw notEmitted(local, split, receipt, "the results route did not process them");
            }
        });
    }

    private static DeepEnrichException notEmitted(EnrichmentResult local, PersonGuard.Split split,
                                                  SubmissionReceipt receipt, String why) {
        List<Object> unsent = split.reused().stream().map(PersonGuard.Reused::sourceItem).toList();
        return DeepEnrichException.local("reuse.emit", unsent.size() + " contacts answered from stored results ("
                                                       + local.getId() + ") were not emitted: " + why,
                receipt.getName(), null)
                .withProgress(new SubmissionProgress(receipt.getEnrichmentIds(), List.of(), unsent,
                        receipt.getRejections()));
    }
}
