package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Optional;

import com.deepenrich.camel.model.EnrichmentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a request on the wire becomes an enrichment of the ledger: by DeepEnrich's answer, or, for a request in doubt
 * (written, never answered), by its result arriving with an id the ledger never recorded.
 */
public final class InDoubtRequests {

    private static final Logger LOG = LoggerFactory.getLogger(InDoubtRequests.class);

    private InDoubtRequests() {
    }

    /**
     * The request of {@code record} is enrichment {@code enrichmentId}: pending in the ledger with its fingerprint
     * (so that nothing sends it again within the fingerprint window), its wire record gone, in one step where the
     * ledger allows it.
     */
    public static void accepted(DeepEnrichLedger ledger, WireRecord record, String enrichmentId, Instant at) {
        ledger.wire().accept(record.requestKey(), () -> {
            ledger.record(record.accepted(enrichmentId, at));
            if (!record.fingerprintWindow().isZero()) {
                ledger.recordSubmission(record.fingerprint(), enrichmentId, at, record.fingerprintWindow());
            }
        });
    }

    /**
     * A result whose id the ledger does not hold: when it answers a request in doubt (by name, else by contacts), that
     * request becomes its enrichment, pending in the ledger, and true is returned; else false.
     */
    public static boolean adopt(DeepEnrichLedger ledger, EnrichmentResult result) {
        Optional<WireRecord> answered = ledger.wire().match(result.getName(), ContactsDigest.ofResult(result));
        answered.ifPresent(record -> {
            accepted(ledger, record, result.getId(), Instant.now());
            LOG.info("Result of enrichment {} answers request '{}' ({} contacts), written {} and in doubt since: "
                     + "recorded as its enrichment",
                    result.getId(), record.requestKey(), record.contactCount(), record.writtenAt());
        });
        return answered.isPresent();
    }
}
