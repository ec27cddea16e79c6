package com.deepenrich.camel.examples.csv;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The job as Camel routes: read the CSV as a stream, keep the rows still to send, batch them by 100, submit each
 * batch, and record every result that comes back (by webhook, or by polling); print progress every second.
 */
public final class EnrichmentRoutes extends RouteBuilder {

    static final String WEBHOOK_PATH = "/deepenrich/results";
    /** Reads the input once more and sends what still needs sending; the job starts it once Camel has started. */
    static final String READ = "direct:read";

    private final JobRun run;
    private final RowReader reader;
    private final BatchSubmitter submitter;
    private final ResultRecorder recorder;
    private final ProgressReporter progress;
    private final String bulkUri;
    private final String resultsUri;
    private final Runnable whenDone;

    public EnrichmentRoutes(JobRun run, RowReader reader, BatchSubmitter submitter, ResultRecorder recorder,
                            ProgressReporter progress, String bulkUri, String resultsUri, Runnable whenDone) {
        this.run = run;
        this.reader = reader;
        this.submitter = submitter;
        this.recorder = recorder;
        this.progress = progress;
        this.bulkUri = bulkUri;
        this.resultsUri = resultsUri;
        this.whenDone = whenDone;
    }

    @Override
    public void configure() {
        from(READ).routeId("read-csv")
                .process(exchange -> run.readingStarted())
                .split(method(reader, "rows")).streaming()
                    .filter(method(reader, "needsSubmission"))
                        .transform(method(reader, "contact"))
                        .to("direct:batch")
                    .end()
                .end()
                // the last, partial batch goes now rather than after a timeout
                .setHeader(Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, constant(true))
                .to("direct:batch")
                .process(exchange -> run.readingDone());

        from("direct:batch").routeId("submit-batches")
                .aggregate(constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                    .process(submitter::prepare)
                    .doTry()
                        .to(bulkUri)
                        .process(submitter::accepted)
                    .doCatch(Exception.class)
                        .process(submitter::failed)
                    .end()
                .end();

        from(resultsUri).routeId("results")
                .process(recorder::record);

        from("timer:progress?period=1000&delay=1000").routeId("progress")
                .process(exchange -> progress.print())
                .filter(method(progress, "releaseLostRows"))
                    .to(READ);

        // ends the job once it is over and the last results' exchanges have completed (acknowledged, ledger updated)
        from("timer:done?period=100").routeId("done")
                .filter(exchange -> run.isOver() && exchange.getContext().getInflightRepository().size("results") == 0)
                .process(exchange -> whenDone.run());
    }
}
