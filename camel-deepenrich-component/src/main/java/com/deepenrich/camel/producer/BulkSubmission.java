package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
import com.deepenrich.camel.model.RequestNames;
import com.deepenrich.camel.model.SubmissionProgress;
import com.deepenrich.camel.model.SubmissionReceipt;

/**
 * Sends a split batch as requests of at most 100 contacts, one after the other. Each request gets its key (the
 * suffix of its name) before anything of it is recorded; under that key its people are pointed at it, its worst-case
 * credits reserved, its write-ahead record written, and its accepted id recorded, so its result finds all of it
 * whenever it arrives. On a failure it stops: the exception tells which ids were accepted and which contacts were not
 * sent, so none is lost or paid twice.
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
    /** The chunks {@link #isReplay} fingerprinted, with their fingerprints: a chunk sent as it was checked is not hashed twice. */
    private final Map<List<Contact>, String> checked = new IdentityHashMap<>();

    /** {@code accepted}: the exchange's requests accepted so far, enrichment id by request fingerprint. */
    BulkSubmission(DeepEnrichClient client, DeepEnrichLedger ledger, Duration fingerprintWindow,
                   Map<String, String> accepted, AccountCredits credits) {
        this.client = client;
        this.ledger = ledger;
        this.fingerprintWindow = fingerprintWindow;
        this.accepted = accepted;
        this.credits = credits;
    }

    /** Sends the split's contacts; {@code guard} points each request's held people at it. */
    CompletableFuture<SubmissionReceipt> submit(PersonGuard.Split split, PersonGuard guard, String name,
                                                String webhookUrl, Duration keepResultsFor) {
        PreparedBatch batch = split.toSend();
        List<List<Contact>> chunks = batch.chunks(BulkRequest.MAX_CONTACTS);
        Chunks requests = new Chunks(batch, chunks, guard, name, webhookUrl, keepResultsFor);
        return requests.next(0).thenApply(done -> new SubmissionReceipt(name, requests.ids, batch.received(),
                batch.contacts().size(), batch.rejections()));
    }

    /** The requests of one submission, sent one after the other. */
    private final class Chunks {

        final PreparedBatch batch;
        final List<List<Contact>> chunks;
        final PersonGuard guard;
        final String name;
        final String webhookUrl;
        final Duration keepResultsFor;
        final List<String> ids;

        Chunks(PreparedBatch batch, List<List<Contact>> chunks, PersonGuard guard, String name, String webhookUrl,
               Duration keepResultsFor) {
            this.batch = batch;
            this.chunks = chunks;
            this.guard = guard;
            this.name = name;
            this.webhookUrl = webhookUrl;
            this.keepResultsFor = keepResultsFor;
            this.ids = new ArrayList<>(chunks.size());
        }

        CompletableFuture<Void> next(int i) {
            if (i == chunks.size()) {
                return CompletableFuture.completedFuture(null);
            }
            String key = RequestNames.newKey();
            String chunkName = RequestNames
                    .named(chunks.size() == 1 ? name : name + " [" + (i + 1) + "/" + chunks.size() + "]", key);
            BulkRequest request = new BulkRequest(chunkName, webhookUrl, chunks.get(i));
            byte[] body = DeepEnrichJson.write(request);
            String fingerprint = fingerprintOf(chunks.get(i), body);
            Optional<String> earlier;
            try {
                earlier = acceptedBefore(fingerprint);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(failure(unreadable(chunkName, e), i));
            }
            CompletableFuture<String> sent = earlier.isPresent()
                    ? CompletableFuture.completedFuture(earlier.get())
                    : send(request, key, body, fingerprint, i);
            return sent.thenCompose(id -> {
                ids.add(id);
                return next(i + 1);
            });
        }

        /**
         * Sends one request: points its people at it, reserves its worst-case credits under the account's budget,
         * waits for the account to have credits when it answered 402 before (without a request until its balance is
         * positive), records it on the wire while it is written, and records the accepted id in the ledger with the
         * request's fingerprint.
         */
        private CompletableFuture<String> send(BulkRequest request, String key, byte[] body, String fingerprint,
                                               int chunk) {
            try {
                guard.sending(key, chunk, keepResultsFor);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(failure(DeepEnrichException.local("ledger.people",
                        "the ledger could not hold the people of this request, so it was not sent: " + e.getMessage(),
                        request.name(), e), chunk));
            }
            try {
                credits.reserve(key, AccountCredits.worstCase(request.contacts()), request.name());
            } catch (DeepEnrichException overBudget) {
                guard.released(key);
                return CompletableFuture.failedFuture(failure(overBudget, chunk));
            }
            WireLog wire = new WireLog(ledger, request, key, fingerprint, fingerprintWindow);
            return credits.ensureCredits(client, request.name())
                    .thenCompose(ready -> client.submit(request, body, wire))
                    .handle((id, error) -> {
                        if (error != null) {
                            throw new CompletionException(failed(Futures.unwrap(error), key, wire, chunk, request));
                        }
                        guard.accepted(key);
                        try {
                            wire.accepted(id);
                            accepted.put(fingerprint, id);
                        } catch (RuntimeException e) { // accepted: the next chunk is the first unsent
                            ids.add(id);
                            throw new CompletionException(failure(unrecorded(id, request.name(), e), chunk + 1));
                        }
                        return id;
                    });
        }

        /**
         * The request failed: its people are free again; in doubt (written, no answer), its record and its reservation
         * stay for its result; else its credits are free again too.
         */
        private DeepEnrichException failed(Throwable cause, String key, WireLog wire, int chunk,
                                           BulkRequest request) {
            guard.released(key);
            if (cause instanceof DeepEnrichInDoubtException) {
                wire.inDoubt();
            } else {
                wire.refused();
                credits.cancel(key);
                if (cause instanceof DeepEnrichInsufficientCreditsException refused
                    && refused.getHttpStatus() == 402) {
                    credits.exhausted();
                }
            }
            return failure(DeepEnrichException.of(cause, request.name()), chunk);
        }

        /**
         * The failure, telling which ids were accepted and which contacts, from chunk {@code firstUnsent} on, were
         * not; when the API may have accepted chunk {@code firstUnsent} (in doubt), its contacts are told apart.
         */
        private DeepEnrichException failure(DeepEnrichException error, int firstUnsent) {
            List<Object> items = batch.sourceItems();
            int from = Math.min(firstUnsent * BulkRequest.MAX_CONTACTS, items.size());
            int to = error instanceof DeepEnrichInDoubtException
                    ? Math.min(from + BulkRequest.MAX_CONTACTS, items.size()) : from;
            return error.withProgress(new SubmissionProgress(List.copyOf(ids), items.subList(from, to),
                    items.subList(to, items.size()), batch.rejections()));
        }
    }

    /**
     * Whether every request of this batch was accepted before (a redelivery, a recovered aggregation group, a
     * restarted job): it is answered with the earlier ids as a whole, its people are not deduplicated again.
     */
    boolean isReplay(PreparedBatch batch) {
        List<List<Contact>> chunks = batch.chunks(BulkRequest.MAX_CONTACTS);
        for (List<Contact> chunk : chunks) {
            String fingerprint = RequestFingerprint.of(DeepEnrichJson.write(new BulkRequest("", null, chunk)));
            checked.put(chunk, fingerprint);
            if (acceptedBefore(fingerprint).isEmpty()) {
                return false;
            }
        }
        return !chunks.isEmpty();
    }

    /**
     * The fingerprint of {@code chunk} written as {@code body}: the one {@link #isReplay} found when the chunk holds the
     * same contacts, in the same order (the guard kept the batch whole), else read from the body.
     */
    private String fingerprintOf(List<Contact> chunk, byte[] body) {
        for (Map.Entry<List<Contact>, String> known : checked.entrySet()) {
            if (sameContacts(known.getKey(), chunk)) {
                return known.getValue();
            }
        }
        return RequestFingerprint.of(body);
    }

    private static boolean sameContacts(List<Contact> a, List<Contact> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
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
}
