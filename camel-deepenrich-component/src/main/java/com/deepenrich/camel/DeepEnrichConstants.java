package com.deepenrich.camel;

import org.apache.camel.spi.Metadata;

/** Message headers of the DeepEnrich component. */
public final class DeepEnrichConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this message "
                                                + "(bulk, getResult, getCredits, verifyKey).",
            javaType = "String")
    public static final String OPERATION = "CamelDeepEnrichOperation";

    @Metadata(description = "The enrichment id: the first one a bulk submission created, the id getResult reads, "
                            + "or the id of the result a consumer emits.",
            javaType = "String")
    public static final String ENRICHMENT_ID = "CamelDeepEnrichEnrichmentId";

    @Metadata(label = "producer", description = "Every enrichment id a bulk submission created, one per request of "
                                                + "at most 100 contacts, in input order.",
            javaType = "java.util.List<String>")
    public static final String ENRICHMENT_IDS = "CamelDeepEnrichEnrichmentIds";

    @Metadata(description = "The enrichment request's name: on bulk it overrides the name option; on a result it "
                            + "is the name the API echoes.",
            javaType = "String")
    public static final String NAME = "CamelDeepEnrichName";

    @Metadata(label = "producer", description = "Overrides the callbackUrl option (sent as webhook_url) for this "
                                                + "message; only a URL with the origin of callbackUrl or one listed in "
                                                + "callbackUrlAllowList, else the exchange fails.",
            javaType = "String")
    public static final String CALLBACK_URL = "CamelDeepEnrichCallbackUrl";

    @Metadata(description = "Status of the enrichment result in the body (FINISHED, CREDITS_INSUFFICIENT, "
                            + "CANCELED, IN_PROGRESS, ...).",
            javaType = "com.deepenrich.camel.model.EnrichmentStatus")
    public static final String STATUS = "CamelDeepEnrichStatus";

    @Metadata(label = "producer", description = "With invalidContacts=skip: the contacts refused before sending, one "
                                                + "Rejection per contact with its index and every problem found "
                                                + "(field and reason).",
            javaType = "java.util.List<com.deepenrich.camel.model.Rejection>")
    public static final String REJECTED = "CamelDeepEnrichRejected";

    @Metadata(description = "Credits the enrichment result in the body spent.", javaType = "Long")
    public static final String CREDITS = "CamelDeepEnrichCredits";

    @Metadata(label = "producer", description = "On a bulk receipt: the credits this account's submissions have "
                                                + "reserved in the current creditsBudgetPeriod for requests whose "
                                                + "result has not come yet (their worst case, see creditsBudget), as "
                                                + "the ledger counts them.",
            javaType = "Long")
    public static final String CREDITS_RESERVED = "CamelDeepEnrichCreditsReserved";

    @Metadata(label = "producer", description = "On a bulk receipt: the credits this account's results have reported "
                                                + "spent in the current creditsBudgetPeriod, as the ledger counts them "
                                                + "(the in-memory ledger: since the component started).",
            javaType = "Long")
    public static final String CREDITS_SPENT = "CamelDeepEnrichCreditsSpent";

    @Metadata(description = "On a bulk receipt: the contacts not sent because their person was being enriched "
                            + "already (deduplicatePeople); each is answered with her result, flagged deduplicated "
                            + "(EnrichedContact.isDeduplicated). On a result: how many of its contacts are such "
                            + "answers.",
            javaType = "Integer")
    public static final String DEDUPLICATED = "CamelDeepEnrichDeduplicated";

    @Metadata(description = "On a bulk receipt: the contacts not sent because their person's result was found within "
                            + "reuseResultsWithin; each is answered with it, flagged reused with the date it was found "
                            + "(EnrichedContact.isReused, getReusedFoundAt). On a result: how many of its contacts are "
                            + "such answers.",
            javaType = "Integer")
    public static final String REUSED = "CamelDeepEnrichReused";

    @Metadata(description = "On a result: the credits its deduplicated and reused contacts did not cost, counted as "
                            + "their answers would have cost if sent as new input (1 per email found, 10 per phone "
                            + "found); with awaitResult, the savings of the whole exchange.",
            javaType = "Long")
    public static final String CREDITS_AVOIDED = "CamelDeepEnrichCreditsAvoided";

    @Metadata(label = "producer", description = "Overrides the forceResults option of getResult for this message.",
            javaType = "Boolean")
    public static final String FORCE_RESULTS = "CamelDeepEnrichForceResults";

    @Metadata(label = "consumer", description = "On a result received by webhook: true when the ledger did not hold "
                                                + "its id (not submitted through this ledger, or already emitted and "
                                                + "forgotten) and it answers no request of the ledger in doubt; false "
                                                + "on every other result.",
            javaType = "Boolean")
    public static final String FOREIGN = "CamelDeepEnrichForeign";

    private DeepEnrichConstants() {
    }
}
