package com.deepenrich.camel.examples.csv;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The job as Camel routes: read the CSV as a stream, batch its rows by blocks of 100, submit each block that needs
 * it, and record every result that comes back (by webhook with the poll fallback, or by polling); print progress
 * every second. The options are placeholders of application.properties.
 */
final class EnrichmentRoutes extends RouteBuilder {

    static final String WEBHOOK_PATH = "/deepenrich/results";
    /** Reads the input once more and sends what still needs sending; the job starts it once Camel has started. */
    static final String READ = "direct:read";

    private final EnrichmentJob job;
    private final CsvInput input;
    private final ColumnMapping mapping;
    private final boolean webhook;
    private final Runnable whenDone;

    EnrichmentRoutes(EnrichmentJob job, CsvInput input, ColumnMapping mapping, boolean webhook, Runnable whenDone) {
        this.job = job;
        this.input = input;
        this.mapping = mapping;
        this.webhook = webhook;
        this.whenDone = whenDone;
    }

    @Override
    public void configure() {
        // @formatter:off
        from(READ).routeId("read-csv")
                .process(exchange -> job.readingStarted())
                .split(method(input, "rows")).streaming()
                    .transform(method(mapping, "contact"))
                    .to("direct:batch")
                .end()
                // the last, partial block goes now rather than after a timeout
                .setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, constant(true))
                .to("direct:batch")
                .process(exchange -> job.readingDone());

        from("direct:batch").routeId("submit-batches")
                .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(EnrichmentJob.BLOCK_SIZE)
                    .process(job::prepare)
                    .doTry()
                        .to(webhook ? "deepenrich:bulk?callbackUrl=RAW({{callback-url}})" : "deepenrich:bulk")
                        .process(job::accepted)
                    .doCatch(Exception.class)
                        .process(job::failed)
                    .end()
                .end();

        from(webhook
                ? "webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                  + "&webhookPath=" + WEBHOOK_PATH + "&delay={{poll-interval}}"
                : "deepenrich:results?delay={{poll-interval}}&firstReadAfter={{poll-interval}}")
                .routeId("results")
                .process(job::record);

        from("timer:progress?period=1000&delay=1000").routeId("progress")
                .process(exchange -> job.printProgress())
                .filter(method(job, "mustReadAgain"))
                    .to(READ);

        // ends the job once it is over and the last results' exchanges have completed (acknowledged, ledger updated)
        from("timer:done?period=100").routeId("done")
                .filter(exchange -> job.isOver() && exchange.getContext().getInflightRepository().size("results") == 0)
                .process(exchange -> whenDone.run());
        // @formatter:on
    }
}
