package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;

import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.client.OnTheWire;
import com.deepenrich.camel.ledger.ContactsDigest;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InDoubtRequests;
import com.deepenrich.camel.ledger.WireRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request's write-ahead record in the ledger's {@link DeepEnrichLedger#wire() wire store}, under the
 * request's key: written by the client's sender just before the request is, removed while it waits for a retry or
 * when it was refused, replaced by its enrichment id when accepted, and marked in doubt when no answer came.
 */
final class WireLog implements OnTheWire {

    private static final Logger LOG = LoggerFactory.getLogger(WireLog.class);

    private final DeepEnrichLedger ledger;
    private final BulkRequest request;
    private final String key;
    private final String fingerprint;
    private final Duration fingerprintWindow;
    private volatile WireRecord record;

    WireLog(DeepEnrichLedger ledger, BulkRequest request, String key, String fingerprint,
            Duration fingerprintWindow) {
        this.ledger = ledger;
        this.request = request;
        this.key = key;
        this.fingerprint = fingerprint;
        this.fingerprintWindow = fingerprintWindow;
    }

    @Override
    public void writing() {
        WireRecord r = record;
        if (r == null) {
            r = new WireRecord(key, request.name(), fingerprint, fingerprintWindow, Instant.now(),
                    request.contacts().size(), ContactsDigest.ofRequest(request.contacts()));
            record = r;
        }
        ledger.wire().write(r);
    }

    @Override
    public void offTheWire() {
        refused();
    }

    /**
     * DeepEnrich accepted the request as {@code enrichmentId}: pending in the ledger with its fingerprint (the client
     * told {@link #writing} before the answer came).
     */
    void accepted(String enrichmentId) {
        InDoubtRequests.accepted(ledger, record, enrichmentId, Instant.now());
    }

    /** No answer came: the request is in doubt, its record stays for its result to match. */
    void inDoubt() {
        if (record == null) {
            return;
        }
        try {
            ledger.wire().markInDoubt(key);
        } catch (RuntimeException e) {
            LOG.warn("Request '{}' is in doubt, but the ledger could not mark it so ({}): it is listed in doubt once "
                     + "this instance stops",
                    request.name(), e.getMessage());
        }
    }

    /** The request was refused, or waits for its retry: it is not on the wire. */
    void refused() {
        if (record == null) {
            return;
        }
        try {
            ledger.wire().remove(key);
        } catch (RuntimeException e) {
            LOG.warn("Request '{}' was not accepted, but the ledger could not forget it ({}): it is listed in doubt "
                     + "until purged",
                    request.name(), e.getMessage());
        }
    }
}
