package com.deepenrich.camel.examples.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.SplitDefinition;

/**
 * B4's child JVM: streams contacts through {@code aggregate 100 -> deepenrich:bulk} against a zero-latency API, and
 * prints one line {@code B4 {json figures}} for the parent. Run it with a small {@code -Xmx}: finishing at all is
 * half the proof.
 * <p>
 * Modes: {@code canonical} is the README's route fed by one thread calling {@code sendBody} for each contact map (a
 * Kafka consumer loop); {@code unpaced} is the main job's shape (file, streaming CSV split); {@code paced} the same
 * with the reading throttled to the rate the limit allows (the workaround users needed before the component held
 * its source back by itself).
 */
public final class StreamingJob {

    static final String RESULT_PREFIX = "B4 ";
    static final String CANONICAL = "canonical";
    static final String PACED = "paced";
    static final String UNPACED = "unpaced";

    private StreamingJob() {
    }

    /** 95% of the contacts per second the limit lets through in groups of 100: the reading never gets ahead. */
    static long contactsPerSecond(int requestsPerMinute) {
        return requestsPerMinute * 100L * 95 / 100 / 60;
    }

    /**
     * Arguments: the CSV file, the number of contacts it holds, the component's requestsPerMinute (0: none), and
     * {@code canonical}, {@code paced} or {@code unpaced}.
     */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        int expected = Integer.parseInt(args[1]);
        int requestsPerMinute = Integer.parseInt(args[2]);
        String mode = args[3];
        Progress acknowledged = new Progress();
        try (HeapWatcher heap = new HeapWatcher();
                ZeroLatencyBulkApi api = ZeroLatencyBulkApi.start();
                CamelContext context = new DefaultCamelContext()) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
            deepenrich.getConfiguration().setBaseUrl(api.baseUrl());
            deepenrich.getConfiguration().setRequestsPerMinute(requestsPerMinute);
            context.addComponent("deepenrich", deepenrich);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    // @formatter:off
                    onException(Exception.class).process(acknowledged.failure());
                    if (!CANONICAL.equals(mode)) {
                        SplitDefinition rows = from("file:" + csv.getParent() + "?fileName=" + csv.getFileName()
                                                    + "&noop=true&initialDelay=0")
                                .split(method(CsvRows.class, "rows")).streaming();
                        if (PACED.equals(mode)) {
                            rows.throttle(contactsPerSecond(requestsPerMinute)).totalRequestsMode()
                                    .timePeriodMillis(1000).to("direct:contacts");
                        } else {
                            rows.to("direct:contacts");
                        }
                    }
                    from("direct:contacts")
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                            .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                            .to("deepenrich:bulk")
                            .process(e -> acknowledged.add(
                                    e.getMessage().getBody(SubmissionReceipt.class).getSubmitted()));
                    // @formatter:on
                }
            });
            long start = System.nanoTime();
            context.start();
            if (CANONICAL.equals(mode)) {
                sendEachContact(context, expected);
            }
            acknowledged.awaitAtLeast(expected, Progress.STALL);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            ZeroLatencyBulkApi.Counts counts = api.counts();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("contacts", counts.contacts());
            figures.put("requests", counts.requests());
            figures.put("seconds", seconds);
            figures.put("spanSeconds", (end - acknowledged.firstAddNanos()) / 1e9);
            figures.put("maxHeapBytes", heap.maxHeapBytes());
            figures.put("peakUsedBytes", heap.peakUsedBytes());
            figures.put("peakAfterGcBytes", heap.peakAfterGcBytes());
            figures.put("peakLiveBytes", heap.peakLiveBytes());
            figures.put("gcCount", HeapWatcher.gcCount());
            figures.put("gcMillis", HeapWatcher.gcMillis());
            figures.put("peakPendingBatches", deepenrich.pendingBatches().getPeak());
            System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(figures));
        }
    }

    /** One source thread, as fast as it can: each contact is its own exchange into the canonical route. */
    private static void sendEachContact(CamelContext context, int contacts) {
        ProducerTemplate source = context.createProducerTemplate();
        for (int i = 0; i < contacts; i++) {
            source.sendBody("direct:contacts", SyntheticContacts.apiShaped(i));
        }
    }
}
