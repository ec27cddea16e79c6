package com.deepenrich.camel.examples.benchmarks;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PeopleWatch;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.builder.RouteBuilder;

/**
 * Ours: the canonical route, aggregate(100) then {@code deepenrich:bulk}, fed one contact per exchange; the receipts'
 * submitted counts tell when every contact was acknowledged.
 */
public final class ComponentSubmit extends RouteSubmit implements PeopleHolding {

    private final String name;
    private final String bulkUri;

    /** {@code bulkOptions}: the endpoint's query string, such as {@code requestsPerMinute=0}. */
    public ComponentSubmit(String baseUrl, String bulkOptions) throws Exception {
        this(baseUrl, bulkOptions, null);
    }

    /** {@code maxPendingBatches}: the component's back-pressure bound (its default when null). */
    public ComponentSubmit(String baseUrl, String bulkOptions, Integer maxPendingBatches) throws Exception {
        this("deepenrich:bulk (ours)" + (maxPendingBatches == null ? "" : ", maxPendingBatches=" + maxPendingBatches),
                baseUrl, bulkOptions, maxPendingBatches);
    }

    /** {@code name}: the variant's name in the report. */
    public ComponentSubmit(String name, String baseUrl, String bulkOptions, Integer maxPendingBatches)
            throws Exception {
        this(name, baseUrl, bulkOptions, maxPendingBatches, false, null);
    }

    /**
     * {@code withResultsRoute}: a {@code webhook:deepenrich:results} route of the same component in the same context
     * (so of the same ledger), whose URL the requests carry, lets the person guard hold people across exchanges.
     * {@code ledger}: the component's ledger (null: its default, in memory).
     */
    public ComponentSubmit(String name, String baseUrl, String bulkOptions, Integer maxPendingBatches,
                           boolean withResultsRoute, DeepEnrichLedger ledger)
            throws Exception {
        this.name = name;
        DeepEnrichComponent deepenrich = new DeepEnrichComponent();
        if (maxPendingBatches != null) {
            deepenrich.setMaxPendingBatches(maxPendingBatches);
        }
        deepenrich.getConfiguration().setLedger(ledger);
        deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
        deepenrich.getConfiguration().setBaseUrl(baseUrl);
        context.addComponent("deepenrich", deepenrich);
        String options = withResultsRoute
                // the zero-latency API sends no result: the route never runs
                ? bulkOptions + "&callbackUrl=" + WebhookResults.start(context, "", e -> {})
                : bulkOptions;
        bulkUri = "deepenrich:bulk?" + options;
        start(new RouteBuilder() {

            @Override
            public void configure() {
                // @formatter:off
                onException(Exception.class).process(acknowledged.failure());
                from("direct:contacts").routeId("deepenrich-submit")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                        .to(bulkUri)
                        .process(e -> {
                            SubmissionReceipt receipt = e.getMessage().getBody(SubmissionReceipt.class);
                            acknowledged.add(receipt.getSubmitted());
                        });
                // @formatter:on
            }
        });
    }

    @Override
    public People people() {
        DeepEnrichEndpoint bulk = context.getEndpoint(bulkUri, DeepEnrichEndpoint.class);
        PeopleWatch watch = bulk.getComponent().peopleWatch(bulk.getLedger());
        return new People(watch.counts().held(), watch.getUnheld());
    }

    @Override
    public String name() {
        return name;
    }

    /** {@link System#nanoTime()} when the first request of the last {@link #submit} was acknowledged. */
    public long firstAcknowledgedAt() {
        return acknowledged.firstAddNanos();
    }
}
