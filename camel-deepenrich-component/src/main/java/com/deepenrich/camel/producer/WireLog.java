package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;

import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.client.OnTheWire;
import com.deepenrich.camel.ledger.ContactsDigest;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InDoubtRequests;
import com.deepenrich.camel.ledger.WireRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request's write-ahead record in the ledger's {@link DeepEnrichLedger#wire() wire store}: written by the
 * client's sender just before the request is, removed while it waits for a retry or when it was refused, replaced by
 * its enrichment id when accepted, and kept when no answer came (in doubt).
 */
final class WireLog implements OnTheWire {

    private static final Logger LOG = LoggerFactory.getLogger(WireLog.class);

    private final DeepEnrichLedger ledger;
    private final BulkRequest request;
    private final String fingerprint;
    private final Duration fingerprintWindow;
    private volatile WireRecord record;

    WireLog(DeepEnrichLedger ledger, BulkRequest request, String fingerprint, Duration fingerprintWindow) {
        this.ledger = ledger;
        this.request = request;
        this.fingerprint = fingerprint;
        this.fingerprintWindow = fingerprintWindow;
    }

    @Override
    public void writing() {
        WireRecord r = record;
        if (r == null) {
            r = new WireRecord(request.name(), fingerprint, fingerprintWindow, Instant.now(),
                    request.contacts().size(), ContactsDigest.ofRequest(request.contacts()));
            record = r;
        }
        ledger.wire().write(r);
    }

    @Override
    public void offTheWire() {
        forget();
    }

    /**
     * DeepEnrich accepted the request as {@code enrichmentId}: pending in the ledger with its fingerprint (the client
     * told {@link #writing} before the answer came).
     */
    void accepted(String enrichmentId) {
        InDoubtRequests.accepted(ledger, record, enrichmentId, Instant.now());
    }

    /** The request failed: in doubt, its record stays for its result to match; else it is forgotten. */
    void unanswered(Throwable cause) {
        if (!(cause instanceof DeepEnrichInDoubtException)) {
            forget();
        }
    }

    private void forget() {
        if (record == null) {
            return;
        }
        try {
            ledger.wire().remove(request.name());
        } catch (RuntimeException e) {
            LOG.warn("Request '{}' was not accepted, but the ledger could not forget it ({}): it is listed in doubt "
                     + "until purged",
                    request.name(), e.getMessage());
        }
    }
}
