package com.deepenrich.camel.examples.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.examples.benchmarks.BenchmarkMain;
import com.deepenrich.camel.examples.benchmarks.SyntheticContacts;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.examples.simulator.SimulatorStats;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault storm from the simulator (20% 500s, 10% 429s, 5% connection resets before handling, 5% answers lost after
 * the job was created, webhooks delivered twice, the receiving route down for its first three deliveries) on 2,000
 * contacts through aggregate(100) -> bulk (retries) -> webhook consumer with poll fallback, the contacts of requests
 * in doubt sent again only when no result brought them: every contact is accounted for exactly once, nothing is
 * submitted twice, nothing is emitted twice. The seed decides which request meets which fault.
 */
class FaultStormTest {

    static final int CONTACTS = 2_000;
    /** Every 50th contact has no last name: rejected before sending, with the reason. */
    static final int INVALID_EVERY = 50;
    static final int RECEIVER_DOWN_FOR = 3;
    /** Longer than the poll fallback's 1 s: the results the receiver refused are polled before they come again. */
    static final Duration WEBHOOK_RETRY = Duration.ofSeconds(3);

    /** Longer than a job's processing plus the webhook retries that the receiver being down costs. */
    static final Duration IN_DOUBT_WAIT = Duration.ofSeconds(10);

    private final ContactAccounting accounting = new ContactAccounting();
    private final InDoubtContacts inDoubt = new InDoubtContacts(IN_DOUBT_WAIT);
    private final AtomicInteger resent = new AtomicInteger();
    private ProducerTemplate resender;
    private final AtomicInteger routeDeliveries = new AtomicInteger();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42L, 7L, 2024L})
    void everyContactAccountedForOnceUnderFaults(long seed) throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(BenchmarkMain.API_KEY)).requestsPerMinute(0)
                .serverErrorRate(0.20).rateLimitErrorRate(0.10).connectionResetRate(0.05).answerLostRate(0.05)
                .duplicateWebhookRate(0.3).webhookRetryInterval(WEBHOOK_RETRY).webhookMaxRetries(5)
                .processingLatency(Duration.ofMillis(300)).seed(seed).build());
                TestApp app = new TestApp(simulator.baseUrl())) {
            app.configuration().setCallbackToken("storm-token");
            app.configuration().setMaxRetries(10);
            app.configuration().setRetryDelay(10);
            app.configuration().setMaxRetryDelay(100);
            app.start().add(routes(app.url("/hooks/deepenrich")));
            resender = app.template();

            List<String> input = new ArrayList<>(CONTACTS);
            long start = System.nanoTime();
            for (int i = 0; i < CONTACTS; i++) {
                Map<String, Object> contact = SyntheticContacts.apiShaped(i);
                if (i % INVALID_EVERY == 0) {
                    contact.remove("lastname");
                }
                input.add(SyntheticContacts.leadId(i));
                app.template().sendBody("direct:contacts", contact);
            }
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertTrue(accounting.accounted() == CONTACTS && inDoubt.waiting() == 0,
                            accounting::toString));
            double seconds = (System.nanoTime() - start) / 1e9;
            SimulatorStats stats = simulator.stats();
            // late duplicates: wait until no webhook attempt is in flight or due for a retry
            await().during(WEBHOOK_RETRY.plusMillis(500)).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(
                            stats.webhookAttempts() == stats.webhookDeliveries() + stats.webhookFailures(),
                            stats::toString));

            System.out.printf("fault storm, seed %d: %d contacts in %.1f s; %s; in doubt then resent %d; %s%n", seed,
                    CONTACTS, seconds, accounting, resent.get(), stats);
            assertEquals(List.of(), accounting.missing(input), "contacts never accounted for");
            assertEquals(List.of(), accounting.accountedTwice(), "contacts accounted for twice");
            assertEquals(CONTACTS / INVALID_EVERY, accounting.rejectedReasons().size(), "rejected contacts");
            assertTrue(accounting.receipts() > 0, "receipts seen");
            assertEquals(List.of(), accounting.receiptsNotAddingUp(),
                    "receipts where submitted + rejected != received");
            assertTrue(accounting.rejectedReasons().values().stream().allMatch(r -> r.contains("lastname is required")),
                    () -> "every rejection names the missing last name: " + accounting.rejectedReasons());
            assertEquals(Map.of(), accounting.unsubmittedReasons(), "contacts left unsubmitted despite 10 retries");
            assertEquals(0, stats.duplicateContactSubmissions(), "contacts the simulator received twice");
            assertEquals(CONTACTS - CONTACTS / INVALID_EVERY, stats.contactsSubmitted(), "contacts submitted");
            assertTrue(accounting.outcomes().keySet().stream()
                    .allMatch(o -> o == ContactOutcome.FOUND || o == ContactOutcome.NOT_FOUND),
                    () -> "outcomes " + accounting.outcomes());
            assertTrue(stats.lostAnswers() > 0 && stats.injectedResets() > 0,
                    () -> "the storm lost no answer, or reset no request before handling it: " + stats);
            assertTrue(stats.injectedServerErrors() + stats.injectedRateLimits() + stats.injectedResets() > 0
                       && stats.webhookDeliveries() > stats.submissions() && routeDeliveries.get() > RECEIVER_DOWN_FOR
                       && stats.requests("GET /contact/enrich/bulk/{id}") > 0,
                    () -> "the storm missed a fault or a path (duplicates, receiver down, poll fallback): " + stats);
        }
    }

    /** Back into the batching route through a seda hop, off the thread that reports the failure. */
    private void resend(Object contact) {
        resender.sendBody("seda:resend", contact);
    }

    private RouteBuilder routes(String callbackUrl) {
        return new RouteBuilder() {

            @Override
            public void configure() {
                onException(DeepEnrichInDoubtException.class).handled(true).process(e -> {
                    DeepEnrichInDoubtException failure = e.getProperty(Exchange.EXCEPTION_CAUGHT,
                            DeepEnrichInDoubtException.class);
                    inDoubt.add(failure.getInDoubtContacts());
                    accounting.rejected(failure.getRejections());
                    failure.getUnsubmittedContacts().forEach(c -> resend(c)); // never sent: send them now
                });
                onException(DeepEnrichException.class).handled(true).process(e -> {
                    DeepEnrichException failure = e.getProperty(Exchange.EXCEPTION_CAUGHT, DeepEnrichException.class);
                    accounting.unsubmitted(failure.getUnsubmittedContacts(), failure.getMessage());
                    accounting.rejected(failure.getRejections());
                });
                from("timer:in-doubt?period=200").routeId("in-doubt")
                        .process(e -> inDoubt.dueForResending(c -> accounting.wasEmitted(ContactAccounting.leadId(c)))
                                .forEach(c -> {
                                    resent.incrementAndGet();
                                    resend(c);
                                }));
                from("seda:resend").routeId("resend").to("direct:contacts");
                from("direct:contacts").routeId("submit")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                        .to("deepenrich:bulk?invalidContacts=skip&callbackUrl=" + callbackUrl)
                        .process(e -> accounting.rejected(
                                e.getMessage().getHeader(DeepEnrichConstants.REJECTED, List.of(), List.class)))
                        .process(e -> accounting.receipt(e.getMessage().getBody(SubmissionReceipt.class)));
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/hooks/deepenrich&pollFallbackAfter=1000&delay=200")
                        .routeId("receiver")
                        .process(e -> {
                            int n = routeDeliveries.incrementAndGet();
                            if (n <= RECEIVER_DOWN_FOR) {
                                throw new IllegalStateException("receiver down (delivery " + n + ")");
                            }
                        })
                        .process(e -> accounting.emitted(e.getMessage().getBody(EnrichmentResult.class)));
            }
        };
    }
}
