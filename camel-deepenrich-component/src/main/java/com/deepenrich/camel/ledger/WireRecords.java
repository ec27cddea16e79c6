package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The write-ahead record of bulk requests on the wire, by request key: written just before a request leaves, replaced
 * by its enrichment id when DeepEnrich accepts it, removed when it refuses it or when the request waits for a retry.
 * A request is <em>on the wire</em> while the instance that wrote it waits for its answer, and <em>in doubt</em> once
 * that answer will not come: the writer marked it so (its answer was lost), or the record was written by another
 * instance of the store (one that crashed, or ran before this one), whose answer only its result can tell. Results
 * match their request, on the wire or in doubt, by key, else by contacts ({@link #match}). Records do not expire:
 * they go when answered, matched by a result, or {@link #purge purged}. Implementations are thread-safe.
 */
public interface WireRecords {

    /** The store of a ledger that keeps no wire records: every request is forgotten once written. */
    WireRecords NONE = new WireRecords() {

        @Override
        public void write(WireRecord record) {
        }

        @Override
        public void remove(String requestKey) {
        }

        @Override
        public void accept(String requestKey, Runnable recordAccepted) {
            recordAccepted.run();
        }

        @Override
        public void markInDoubt(String requestKey) {
        }

        @Override
        public List<WireRecord> records() {
            return List.of();
        }

        @Override
        public List<WireRecord> inDoubt() {
            return List.of();
        }

        @Override
        public int purge(Instant writtenBefore) {
            return 0;
        }
    };

    /** Records a request about to be written (again: a retry rewrites the same key), on the wire. */
    void write(WireRecord record);

    /** The request was refused, or waits for its retry off the wire: forgets it. */
    void remove(String requestKey);

    /**
     * The request is an enrichment now: runs {@code recordAccepted} (which records it in the ledger as pending, with
     * its fingerprint) and forgets the record, in one transaction where the store allows it. When the record is gone
     * already, its result came first and took it (the enrichment may be emitted and forgotten by now): nothing is
     * recorded again. A store that keeps no records always runs {@code recordAccepted}.
     */
    void accept(String requestKey, Runnable recordAccepted);

    /** No answer will come for the request (it was lost): it is in doubt from now on. */
    void markInDoubt(String requestKey);

    /** Every request written and not answered, on the wire or in doubt, oldest first. */
    List<WireRecord> records();

    /** The requests in doubt (see the class comment), oldest first. */
    List<WireRecord> inDoubt();

    /** Forgets the records written before {@code writtenBefore}; returns how many. */
    int purge(Instant writtenBefore);

    /**
     * The request a result answers: the one of key {@code requestKey}, else the oldest whose contacts have the
     * result's {@code contactsDigest}.
     */
    default Optional<WireRecord> match(String requestKey, String contactsDigest) {
        List<WireRecord> records = records();
        return records.stream().filter(r -> r.requestKey().equals(requestKey)).findFirst()
                .or(() -> records.stream().filter(r -> r.contactsDigest().equals(contactsDigest))
                        .min(Comparator.comparing(WireRecord::writtenAt)));
    }
}
