package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Optional;

import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.RequestNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a request on the wire becomes an enrichment of the ledger: by DeepEnrich's answer, or by its result arriving
 * with an id the ledger never recorded (the result overtook the answer, or the answer was lost: in doubt).
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
     * A result whose id the ledger does not hold: when it answers a request written and not answered (by key, else by
     * contacts), that request becomes its enrichment, pending in the ledger, and the request's record is returned.
     */
    public static Optional<WireRecord> adopt(DeepEnrichLedger ledger, EnrichmentResult result) {
        Optional<WireRecord> answered = ledger.wire().match(RequestNames.keyOf(result.getName()),
                ContactsDigest.ofResult(result));
        answered.ifPresent(record -> {
            boolean lost = ledger.wire().inDoubt().contains(record);
            accepted(ledger, record, result.getId(), Instant.now());
            if (lost) {
                LOG.info("Result of enrichment {} answers request '{}' ({} contacts), written {} and in doubt since: "
                         + "recorded as its enrichment",
                        result.getId(), record.name(), record.contactCount(), record.writtenAt());
            } else {
                LOG.debug("Result of enrichment {} came before the answer to its request '{}': recorded as its "
                          + "enrichment",
                        result.getId(), record.name());
            }
        });
        return answered;
    }
}
