package com.deepenrich.camel;

/** What the webhook does with a result whose enrichment id the ledger does not hold. */
public enum ForeignResultsPolicy {
    /** Emit it with header CamelDeepEnrichForeign=true, and log it. */
    emit,
    /** Log it and answer 200 without emitting it, so DeepEnrich stops delivering it. */
    drop
}
