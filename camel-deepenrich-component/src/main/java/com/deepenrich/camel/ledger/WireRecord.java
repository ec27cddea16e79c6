package com.deepenrich.camel.ledger;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A bulk request about to be written, or written and not answered: its key (the suffix of its name, which its result
 * carries), its whole name, what else a result carries to match it (a digest of its contacts' names and custom
 * values, see {@link ContactsDigest}, for a result whose name lost its key), and what it becomes once its enrichment
 * id is known (its fingerprint, kept for the producer's fingerprint window). No contact data is kept, only the digest.
 */
public record WireRecord(String requestKey, String name, String fingerprint, Duration fingerprintWindow,
                         Instant writtenAt, int contactCount, String contactsDigest)
        implements
            Serializable {

    /** The pending enrichment this request is, once DeepEnrich told its id. */
    public PendingEnrichment accepted(String enrichmentId, Instant acceptedAt) {
        return new PendingEnrichment(enrichmentId, name, acceptedAt, contactCount);
    }
}
