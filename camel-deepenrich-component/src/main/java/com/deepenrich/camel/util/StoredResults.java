package com.deepenrich.camel.util;

import java.time.Instant;

import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.StoredResult;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;

/**
 * Keeps, for {@code reuseResultsWithin}, the people's results of an enrichment that arrived: whoever receives a final
 * result (the results consumer, an awaiting exchange) fills the stored results the sending exchange left awaiting it.
 * A result that ended unfinished, or a contact that found nothing for lack of credits or a cancel, is not kept: its
 * awaited entry expires unfilled, and the person is sent again.
 */
public final class StoredResults {

    private StoredResults() {
    }

    /** Fills the stored results awaiting {@code result}, found at {@code now}. */
    public static void keep(PeopleRegistry people, EnrichmentResult result, Instant now) {
        if (result.getStatus() != EnrichmentStatus.FINISHED) {
            return;
        }
        for (StoredResult awaited : people.awaitedResults(result.getId())) {
            EnrichedContact found = HeldContacts.find(result, awaited.position(), awaited.custom());
            if (found != null && found.getOutcome() != ContactOutcome.CREDITS_INSUFFICIENT
                && found.getOutcome() != ContactOutcome.CANCELED) {
                people.keep(awaited.found(DeepEnrichJson.writeString(found), now));
            }
        }
    }
}
