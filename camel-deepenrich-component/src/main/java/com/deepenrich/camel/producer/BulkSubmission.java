package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ObjIntConsumer;

import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.SubmissionProgress;
import com.deepenrich.camel.model.SubmissionReceipt;

/**
 * Sends a prepared batch as requests of at most 100 contacts, one after the other, recording each accepted id in
 * the ledger at once. On a failure it stops: the exception tells which ids were accepted and which contacts were
 * not sent, so none is lost or paid twice.
 * <p>
 * A request already accepted is never sent again: not within the exchange ({@code accepted}, kept in the exchange
 * across Camel redeliveries), nor within the fingerprint window through the ledger (a recovered aggregation group,
 * a restarted job); it is answered with its earlier enrichment id.
 */
final class BulkSubmission {

    private final DeepEnrichClient client;
    private final DeepEnrichLedger ledger;
    private final Duration fingerprintWindow;
    private final Map<String, String> accepted;
    private final AccountCredits credits;
    private final ObjIntConsumer<String> onAccepted;

    /**
     * {@code accepted}: the exchange's requests accepted so far, enrichment id by request fingerprint;
     * {@code onAccepted}: told each chunk's enrichment id (and index) once the API accepted it, before the ledger
     * records it as pending.
     */
    BulkSubmission(DeepEnrichClient client, DeepEnrichLedger ledger, Duration fingerprintWindow,
                   Map<String, String> accepted, AccountCredits credits, ObjIntConsumer<String> onAccepted) {
        this.credits = credits;
        this.onAccepted = onAccepted;
        this.client = client;
        this.ledger = ledger;
        this.fingerprintWindow = fingerprintWindow;
        this.accepted = accepted;
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
        String chunkName = RequestNames
                .unique(chunks.size() == 1 ? name : name + " [" + (i + 1) + "/" + chunks.size() + "]");
        List<Contact> chunk = chunks.get(i);
        BulkRequest request = new BulkRequest(chunkName, webhookUrl, chunk);
        byte[] body = DeepEnrichJson.write(request);
        String fingerprint = RequestFingerprint.of(body);
        Optional<String> earlier;
        try {
            earlier = acceptedBefore(fingerprint);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(withProgress(unreadable(chunkName, e), batch, i, ids));
        }
        CompletableFuture<String> sent = earlier.isPresent()
                ? CompletableFuture.completedFuture(earlier.get())
                : send(request, body, fingerprint, i).handle((id, failure) -> {
                    if (failure != null) {
                        Throwable cause = Futures.unwrap(failure);
                        if (cause instanceof UnrecordedException unrecorded) { // accepted: the next chunk is unsent
                            ids.add(unrecorded.id);
                            throw withProgress((DeepEnrichException) unrecorded.getCause(), batch, i + 1, ids);
                        }
                        throw withProgress(DeepEnrichException.of(cause, chunkName), batch, i, ids);
                    }
                    return id;
                });
        return sent.thenCompose(id -> {
            ids.add(id);
            if (earlier.isPresent()) {
                try {
                    onAccepted.accept(id, i);
                } catch (RuntimeException e) {
                    throw withProgress(unrecorded(id, chunkName, e), batch, i + 1, ids);
                }
            }
            return next(batch, chunks, i + 1, name, webhookUrl, ids);
        });
    }

    /**
     * Sends one request: reserves its worst-case credits under the account's budget, waits for the account to have
     * credits when it answered 402 before (without a request until its balance is positive), records it on the wire
     * while it is written, and records the accepted id in the ledger with the request's fingerprint.
     */
    private CompletableFuture<String> send(BulkRequest request, byte[] body, String fingerprint, int chunk) {
        long worstCase = AccountCredits.worstCase(request.contacts());
        String reservation;
        try {
            reservation = credits.reserve(worstCase, request.name());
        } catch (DeepEnrichException overBudget) {
            return CompletableFuture.failedFuture(overBudget);
        }
        WireLog wire = new WireLog(ledger, request, fingerprint, fingerprintWindow);
        return credits.ensureCredits(client, request.name())
                .thenCompose(ready -> client.submit(request, body, wire))
                .handle((id, failure) -> {
                    if (failure != null) {
                        Throwable cause = Futures.unwrap(failure);
                        wire.unanswered(cause);
                        credits.cancel(reservation);
                        if (cause instanceof DeepEnrichInsufficientCreditsException refused
                            && refused.getHttpStatus() == 402) {
                            credits.exhausted();
                        }
                        throw new CompletionException(cause);
                    }
                    credits.accepted(reservation, id);
                    record(id, request, fingerprint, chunk, wire);
                    return id;
                });
    }

    /** {@code onAccepted} first: once the id is pending, its result may be emitted at once. */
    private void record(String id, BulkRequest request, String fingerprint, int chunk, WireLog wire) {
        try {
            onAccepted.accept(id, chunk);
            wire.accepted(id);
            accepted.put(fingerprint, id);
        } catch (RuntimeException e) {
            throw new UnrecordedException(id, unrecorded(id, request.name(), e));
        }
    }

    /** Accepted by the API, but not recorded: the id is known, the failure is the ledger's. */
    private static final class UnrecordedException extends RuntimeException {

        private final String id;

        UnrecordedException(String id, DeepEnrichException cause) {
            super(cause);
            this.id = id;
        }
    }

    /**
     * Whether every request of this batch was accepted before (a redelivery, a recovered aggregation group, a
     * restarted job): it is answered with the earlier ids as a whole, its people are not deduplicated again.
     */
    boolean isReplay(PreparedBatch batch) {
        List<List<Contact>> chunks = batch.chunks(BulkRequest.MAX_CONTACTS);
        for (List<Contact> chunk : chunks) {
            if (acceptedBefore(RequestFingerprint.of(DeepEnrichJson.write(new BulkRequest("", null, chunk))))
                    .isEmpty()) {
                return false;
            }
        }
        return !chunks.isEmpty();
    }

    /** The id of this same request accepted earlier by this exchange, or within the window by the ledger. */
    private Optional<String> acceptedBefore(String fingerprint) {
        String id = accepted.get(fingerprint);
        if (id != null || fingerprintWindow.isZero()) {
            return Optional.ofNullable(id);
        }
        Optional<String> found = ledger.findSubmission(fingerprint, Instant.now().minus(fingerprintWindow));
        found.ifPresent(earlier -> accepted.put(fingerprint, earlier));
        return found;
    }

    private static DeepEnrichException unrecorded(String id, String chunkName, RuntimeException cause) {
        return DeepEnrichException.local("ledger.record", "enrichment " + id
                                                          + " was accepted but the ledger could not record it: "
                                                          + cause.getMessage(),
                chunkName, cause);
    }

    private static DeepEnrichException unreadable(String chunkName, RuntimeException cause) {
        return DeepEnrichException.local("ledger.read", "the ledger could not tell whether this request was accepted "
                                                        + "before, so it was not sent: " + cause.getMessage(),
                chunkName, cause);
    }

    /**
     * The failure, telling which ids were accepted and which contacts, from chunk {@code firstUnsent} on, were not;
     * when the API may have accepted chunk {@code firstUnsent} (in doubt), its contacts are told apart.
     */
    private static DeepEnrichException withProgress(DeepEnrichException error, PreparedBatch batch, int firstUnsent,
                                                    List<String> ids) {
        List<Object> items = batch.sourceItems();
        int from = Math.min(firstUnsent * BulkRequest.MAX_CONTACTS, items.size());
        int to = error instanceof DeepEnrichInDoubtException ? Math.min(from + BulkRequest.MAX_CONTACTS, items.size())
                : from;
        return error.withProgress(new SubmissionProgress(ids, items.subList(from, to), items.subList(to, items.size()),
                batch.rejections()));
    }
}
