package com.deepenrich.camel.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.SubmissionReceipt;

/**
 * Sends a prepared batch as requests of at most 100 contacts, one after the other, recording each accepted id in
 * the ledger at once. On a failure it stops: the exception tells which ids were accepted and which contacts were
 * not sent, so none is lost or paid twice.
 */
final class BulkSubmission {

    private final DeepEnrichClient client;
    private final DeepEnrichLedger ledger;

    BulkSubmission(DeepEnrichClient client, DeepEnrichLedger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    CompletableFuture<SubmissionReceipt> submit(PreparedBatch batch, String name, String webhookUrl) {
        List<List<Contact>> chunks = batch.chunks(BulkRequest.MAX_CONTACTS);
        List<String> ids = new ArrayList<>(chunks.size());
        return next(batch, chunks, 0, name, webhookUrl, ids)
                .thenApply(done -> new SubmissionReceipt(name, ids, batch.received(), batch.contacts().size(),
                        batch.rejections()));
    }

    private CompletableFuture<Void> next(PreparedBatch batch, List<List<Contact>> chunks, int i, String name,
                                         String webhookUrl, List<String> ids) {
        if (i == chunks.size()) {
            return CompletableFuture.completedFuture(null);
        }
        String chunkName = chunks.size() == 1 ? name : name + " [" + (i + 1) + "/" + chunks.size() + "]";
        List<Contact> chunk = chunks.get(i);
        return client.submit(new BulkRequest(chunkName, webhookUrl, chunk))
                .handle((id, failure) -> {
                    if (failure != null) {
                        throw withProgress(asDeepEnrichException(failure, chunkName), batch, i, ids);
                    }
                    ids.add(id);
                    try {
                        ledger.record(new PendingEnrichment(id, chunkName, Instant.now(), chunk.size()));
                    } catch (RuntimeException e) {
                        throw withProgress(unrecorded(id, chunkName, e), batch, i + 1, ids);
                    }
                    return id;
                })
                .thenCompose(id -> next(batch, chunks, i + 1, name, webhookUrl, ids));
    }

    private static DeepEnrichException unrecorded(String id, String chunkName, RuntimeException cause) {
        return new DeepEnrichException("ledger.record", "enrichment " + id
                + " was accepted but the ledger could not record it: " + cause.getMessage(), 0, chunkName, cause);
    }

    private static DeepEnrichException asDeepEnrichException(Throwable failure, String chunkName) {
        Throwable cause = Futures.unwrap(failure);
        return cause instanceof DeepEnrichException error
                ? error : new DeepEnrichException(null, String.valueOf(cause), 0, chunkName, cause);
    }

    /** The failure, telling which ids were accepted and which contacts, from chunk {@code firstUnsent} on, were not. */
    private static DeepEnrichException withProgress(DeepEnrichException error, PreparedBatch batch, int firstUnsent,
                                                    List<String> ids) {
        int from = Math.min(firstUnsent * BulkRequest.MAX_CONTACTS, batch.sourceItems().size());
        return error.withProgress(ids, batch.sourceItems().subList(from, batch.sourceItems().size()));
    }
}
