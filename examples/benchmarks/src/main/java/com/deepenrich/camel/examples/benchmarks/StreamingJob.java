package com.deepenrich.camel.examples.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.ledger.PeopleWatch;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * B4's child JVM, the application alone (the API runs in the parent): streams contacts through
 * {@code aggregate(100) -> deepenrich:bulk}, every option at its default but the rate, and prints one line
 * {@code B4 {json figures}}. Run it with a small {@code -Xmx}: finishing at all is half the proof.
 * <p>
 * Sources: {@code canonical} is the README's route fed by one thread calling {@code sendBody} for each contact map (a
 * Kafka consumer loop); a CSV path is the main job's shape (file, streaming CSV split). Results: {@code none} (no
 * results route here: the API's results never come back to this JVM) or {@code webhook} (a
 * {@code webhook:deepenrich:results} route of the same component, to which the API posts each result; the run ends
 * when every contact's result was emitted).
 */
public final class StreamingJob {

    static final String RESULT_PREFIX = "B4 ";
    static final String CANONICAL = "canonical";
    static final String NO_RESULTS = "none";
    static final String WEBHOOK = "webhook";

    private final Progress acknowledged = new Progress();
    private final Progress emitted = new Progress();
    private final BitSet emittedLeads = new BitSet();
    private long results;
    private long emittedTwice;

    private StreamingJob() {
    }

    /**
     * Arguments: the API's base URL, the number of contacts, the component's requestsPerMinute (0: none), the source
     * ({@code canonical} or a CSV file holding that many rows) and the results ({@code none} or {@code webhook}).
     */
    public static void main(String[] args) throws Exception {
        ChildMain.parentLines();
        new StreamingJob().run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], args[4]);
    }

    private void run(String apiBaseUrl, int contacts, int requestsPerMinute, String source, String resultsBy)
            throws Exception {
        try (HeapWatcher heap = new HeapWatcher();
                CamelContext context = new DefaultCamelContext()) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
            deepenrich.getConfiguration().setBaseUrl(apiBaseUrl);
            deepenrich.getConfiguration().setRequestsPerMinute(requestsPerMinute);
            context.addComponent("deepenrich", deepenrich);
            String bulk = "deepenrich:bulk";
            if (WEBHOOK.equals(resultsBy)) {
                bulk += "?callbackUrl=" + WebhookResults.start(context, "",
                        e -> emitted(e.getMessage().getBody(EnrichmentResult.class)));
            }
            String to = bulk;
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    // @formatter:off
                    onException(Exception.class).process(acknowledged.failure());
                    if (!CANONICAL.equals(source)) {
                        Path csv = Path.of(source).toAbsolutePath();
                        from("file:" + csv.getParent() + "?fileName=" + csv.getFileName() + "&noop=true&initialDelay=0")
                                .split(method(CsvRows.class, "rows")).streaming()
                                .to("direct:contacts");
                    }
                    from("direct:contacts")
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                            .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                            .to(to)
                            .process(e -> acknowledged.add(
                                    e.getMessage().getBody(SubmissionReceipt.class).getSubmitted()));
                    // @formatter:on
                }
            });
            long start = System.nanoTime();
            context.start();
            if (CANONICAL.equals(source)) {
                sendEachContact(context, contacts);
            }
            acknowledged.awaitAtLeast(contacts, Progress.STALL);
            long end = System.nanoTime();
            if (WEBHOOK.equals(resultsBy)) {
                emitted.awaitAtLeast(contacts, Progress.STALL);
            }
            long lastResult = System.nanoTime();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("acknowledged", acknowledged.count());
            figures.put("seconds", (end - start) / 1e9);
            figures.put("spanSeconds", (end - acknowledged.firstAddNanos()) / 1e9);
            synchronized (this) {
                figures.put("results", results);
                figures.put("contactsEmitted", emitted.count());
                figures.put("leadsEmitted", emittedLeads.cardinality());
                figures.put("emittedTwice", emittedTwice);
            }
            figures.put("lastResultSeconds", (lastResult - start) / 1e9);
            figures.put("peakPendingBatches", deepenrich.pendingBatches().getPeak());
            figures.put("maxHeapBytes", heap.maxHeapBytes());
            figures.put("peakUsedBytes", heap.peakUsedBytes());
            figures.put("peakAfterGcBytes", heap.peakAfterGcBytes());
            figures.put("gcCount", HeapWatcher.gcCount());
            figures.put("gcMillis", HeapWatcher.gcMillis());
            figures.put("cpuSeconds",
                    ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
            heap.close();
            figures.put("liveAtEndBytes", heap.liveNow());
            // read after the last result's route completed: its holds are closed once the route is done
            PeopleWatch people = deepenrich.peopleWatch(context.getEndpoint(to, DeepEnrichEndpoint.class).getLedger());
            figures.put("peopleHeld", people.counts().held());
            figures.put("sentWithoutHold", people.getUnheld());
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

    /** A result the webhook route received: each of its contacts' lead ids, noting one emitted before. */
    private void emitted(EnrichmentResult result) {
        synchronized (this) {
            results++;
            for (EnrichedContact contact : result.getContacts()) {
                String lead = contact.getCustom().getOrDefault("lead_id", contact.getCustom().get("Lead Id"));
                int n = Integer.parseInt(lead.substring(1));
                if (emittedLeads.get(n)) {
                    emittedTwice++;
                }
                emittedLeads.set(n);
            }
        }
        emitted.add(result.getContacts().size());
    }
}
