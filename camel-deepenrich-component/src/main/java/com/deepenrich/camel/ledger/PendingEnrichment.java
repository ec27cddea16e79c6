package com.deepenrich.camel.ledger;

import java.io.Serializable;
import java.time.Instant;

/** A submitted enrichment whose result has not been emitted yet. */
public record PendingEnrichment(String enrichmentId, String name, Instant submittedAt, int contactCount)
        implements
            Serializable {
}
