package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application of a CRM re-sync (B6, B7): one contact per exchange into
 * {@code aggregate(100) -> deepenrich:bulk} at the simulator's limit, results by webhook
 * ({@code webhook:deepenrich:results} in the same context); {@link #send} sends a day's rows and returns once every row
 * was answered.
 */
final class ResyncApp implements AutoCloseable {

    /** The simulator's limit: DeepEnrich's documented 60 requests per window (a minute in production). */
    static final int LIMIT_PER_WINDOW = 60;
    /** How long a job takes at the simulator, in windows (3 minutes in production). */
    static final int JOB_WINDOWS = 3;
    private static final long ONE_DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private volatile Answers day = new Answers();

    /**
     * The application against the simulator at {@code baseUrl}, whose window is {@code window}; {@code bulkOptions}
     * are added to the bulk endpoint's ("" for none); {@code ledger} is the component's (null: its in-memory one).
     */
    ResyncApp(String baseUrl, Duration window, String bulkOptions, DeepEnrichLedger ledger) throws Exception {
        int perMinute = (int) (LIMIT_PER_WINDOW * Duration.ofMinutes(1).toNanos() / window.toNanos());
        DeepEnrichComponent deepenrich = SimulatorHarness.atTheLimit(baseUrl, perMinute, window);
        deepenrich.getConfiguration().setLedger(ledger);
        context.addComponent("deepenrich", deepenrich);
        String callbackUrl = WebhookResults.start(context, "pollFallbackAfter=" + ONE_DAY_MILLIS,
                e -> day.answer(e.getMessage().getBody(EnrichmentResult.class)));
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                // @formatter:off
                onException(Exception.class).process(e -> day.answered.failure().process(e));
                from("direct:contacts").routeId("resync")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(window.toMillis()).forceCompletionOnStop()
                        .to("deepenrich:bulk?callbackUrl=" + callbackUrl
                            + (bulkOptions.isEmpty() ? "" : "&" + bulkOptions));
                // @formatter:on
            }
        });
        template = context.createProducerTemplate();
    }

    /** The simulator of a re-sync: the benchmarks' key, the documented limit per {@code window}, jobs of 3 windows. */
    static SimulatorConfig simulator(Duration window) {
        return SimulatorConfig.builder().apiKeys(Set.of(BenchmarkMain.API_KEY)).requestsPerMinute(LIMIT_PER_WINDOW)
                .rateWindow(window).processingLatency(window.multipliedBy(JOB_WINDOWS)).build();
    }

    /** Sends the rows, one exchange each, and returns their answers once every row was answered. */
    Answers send(List<CrmResync.Row> rows) throws InterruptedException {
        Answers answers = new Answers();
        day = answers;
        for (CrmResync.Row row : rows) {
            template.sendBody("direct:contacts", row.contact());
        }
        answers.answered.awaitAtLeast(rows.size(), Progress.STALL);
        return answers;
    }

    /** Lets the last day's answers go (results arriving from now on count for a day no one reads). */
    void forgetAnswers() {
        day = new Answers();
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }

    /** A day's answers, by lead id. */
    static final class Answers {

        final long startNanos = System.nanoTime();
        /** When each row was first answered ({@link System#nanoTime()}). */
        final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        /** What each row's answer costs by DeepEnrich's rule, when enriched: 1 credit per email, 10 per phone. */
        final Map<String, Long> creditsOfAnswer = new ConcurrentHashMap<>();
        final Set<String> deduplicatedLeads = ConcurrentHashMap.newKeySet();
        /** Rows answered from a stored result, without a request. */
        final LongAdder reused = new LongAdder();
        /** Answers of a row answered before. */
        final LongAdder answeredAgain = new LongAdder();
        final Progress answered = new Progress();

        private void answer(EnrichmentResult result) {
            long now = System.nanoTime();
            for (EnrichedContact contact : result.getContacts()) {
                String leadId = contact.getCustom().get("lead_id");
                if (answeredAt.putIfAbsent(leadId, now) != null) {
                    answeredAgain.increment();
                    continue;
                }
                creditsOfAnswer.put(leadId, credits(contact));
                if (contact.isDeduplicated()) {
                    deduplicatedLeads.add(leadId);
                }
                if (contact.isReused()) {
                    reused.increment();
                }
                answered.add(1);
            }
        }

        /** The last answer's time, in seconds since the day started. */
        double lastAnswerSeconds() {
            return (answeredAt.values().stream().mapToLong(Long::longValue).max().orElse(startNanos) - startNanos)
                   / 1e9;
        }

        private static long credits(EnrichedContact contact) {
            return (isBlank(contact.getMostProbableEmail()) ? 0 : 1)
                   + (isBlank(contact.getMostProbablePhone()) ? 0 : 10);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
