package com.deepenrich.camel.examples.csv;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The job as Camel routes: read the CSV as a stream, batch its rows by blocks of 100, submit each block that needs
 * it, and record every result that comes back ({@code {{results}}}: by webhook with the poll fallback, or by
 * polling); print progress every second. The beans {@code job}, {@code input} and {@code mapping} are the app's.
 */
final class EnrichmentRoutes extends RouteBuilder {

    /** Reads the input once more and sends what still needs sending; the app starts it once Camel has started. */
    static final String READ = "direct:read";

    private final Runnable whenDone;

    EnrichmentRoutes(Runnable whenDone) {
        this.whenDone = whenDone;
    }

    @Override
    public void configure() {
        // @formatter:off
        from(READ).routeId("read-csv")
                .bean("job", "reading(true)")
                .split(method("input", "rows")).streaming()
                    .transform(method("mapping", "contact"))
                    .to("direct:batch")
                .end()
                // the last, partial block goes now rather than after a timeout
                .setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, constant(true))
                .to("direct:batch")
                .bean("job", "reading(false)");

        from("direct:batch").routeId("submit-batches")
                .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(EnrichmentJob.BLOCK_SIZE)
                    .bean("job", "prepare")
                    .doTry()
                        .to("deepenrich:bulk")
                        .bean("job", "accepted")
                    .doCatch(Exception.class)
                        .bean("job", "failed")
                    .end()
                .end();

        from("{{results}}").routeId("results")
                .bean("job", "record");

        from("timer:progress?period=1000&delay=1000").routeId("progress")
                .bean("job", "printProgress")
                .filter(method("job", "mustReadAgain"))
                    .to(READ);

        // ends the job once it is over and the last results' exchanges have completed (acknowledged, ledger updated)
        from("timer:done?period=100").routeId("done")
                .filter(method("job", "isOver"))
                .filter(exchange -> exchange.getContext().getInflightRepository().size("results") == 0)
                .process(exchange -> whenDone.run());
        // @formatter:on
    }
}
