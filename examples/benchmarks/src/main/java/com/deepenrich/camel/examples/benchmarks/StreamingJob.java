package com.deepenrich.camel.examples.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * B4's child JVM: streams a CSV through the main job's route shape (file, streaming CSV split, aggregate 100,
 * {@code deepenrich:bulk}) against a zero-latency API, and prints one line {@code B4 {json figures}} for the
 * parent. Run it with a small {@code -Xmx}: finishing at all is half the proof.
 */
public final class StreamingJob {

    static final String RESULT_PREFIX = "B4 ";

    private StreamingJob() {
    }

    /** Arguments: the CSV file and the number of contacts it holds. */
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        int expected = Integer.parseInt(args[1]);
        Progress acknowledged = new Progress();
        try (HeapWatcher heap = new HeapWatcher();
             ZeroLatencyBulkApi api = ZeroLatencyBulkApi.start();
             CamelContext context = new DefaultCamelContext()) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
            deepenrich.getConfiguration().setBaseUrl(api.baseUrl());
            deepenrich.getConfiguration().setRequestsPerMinute(0);
            context.addComponent("deepenrich", deepenrich);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).process(acknowledged.failure());
                    from("file:" + csv.getParent() + "?fileName=" + csv.getFileName() + "&noop=true&initialDelay=0")
                            .split(method(CsvRows.class, "rows")).streaming()
                            .to("direct:contacts");
                    from("direct:contacts")
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                            .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                            .to("deepenrich:bulk")
                            .process(e -> acknowledged.add(
                                    e.getMessage().getBody(SubmissionReceipt.class).getSubmitted()));
                }
            });
            long start = System.nanoTime();
            context.start();
            acknowledged.awaitAtLeast(expected, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            ZeroLatencyBulkApi.Counts counts = api.counts();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("contacts", counts.contacts());
            figures.put("requests", counts.requests());
            figures.put("seconds", seconds);
            figures.put("maxHeapBytes", heap.maxHeapBytes());
            figures.put("peakUsedBytes", heap.peakUsedBytes());
            figures.put("peakAfterGcBytes", heap.peakAfterGcBytes());
            figures.put("gcCount", HeapWatcher.gcCount());
            figures.put("gcMillis", HeapWatcher.gcMillis());
            System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(figures));
        }
    }
}
