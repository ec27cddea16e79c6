package com.deepenrich.camel.util;

import java.util.Optional;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.model.RequestNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrichment that ended final but not FINISHED (credits ran out, canceled) enriched nobody: every guard against
 * sending its request again forgets it (the ledger's fingerprint, the people it held), so that the same contacts sent
 * again, once the account is topped up, are sent and not answered with this result.
 */
public final class ReplayGuards {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuards.class);

    private ReplayGuards() {
    }

    /** Final and not FINISHED: its contacts were not enriched and may be sent again. */
    public static boolean endedUnenriched(EnrichmentResult result) {
        EnrichmentStatus status = result.getStatus();
        return status.isFinal() && status != EnrichmentStatus.FINISHED;
    }

    /**
     * Forgets the request's fingerprint when the result ended unenriched; the people it held are closed by the one
     * emitting it (see {@link WaitingAnswers}), which answers their waiting contacts with this result.
     */
    public static void forgetRequest(DeepEnrichLedger ledger, EnrichmentResult result) {
        if (endedUnenriched(result)) {
            ledger.forgetSubmission(result.getId());
            LOG.info("Enrichment {} ended {}: sending its contacts again sends them", result.getId(),
                    result.getStatus());
        }
    }

    /** The key of the result's request: in its name, else in the name the ledger recorded for its id. */
    public static Optional<String> requestKey(DeepEnrichLedger ledger, EnrichmentResult result) {
        return Optional.ofNullable(RequestNames.keyOf(result.getName()))
                .or(() -> ledger.find(result.getId()).map(p -> RequestNames.keyOf(p.name())));
    }

    /**
     * Forgets the request's fingerprint and the people it held when the result ended unenriched (read by getResult or
     * awaitResult, which emit no waiting contacts: those wait for the next request of the same person).
     */
    public static void forgetAll(DeepEnrichLedger ledger, EnrichmentResult result) {
        if (endedUnenriched(result)) {
            requestKey(ledger, result).ifPresent(ledger.people()::forget);
            forgetRequest(ledger, result);
        }
    }
}
