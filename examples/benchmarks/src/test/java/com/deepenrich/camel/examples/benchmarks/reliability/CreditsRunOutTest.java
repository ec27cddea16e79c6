package com.deepenrich.camel.examples.benchmarks.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.examples.benchmarks.BenchmarkMain;
import com.deepenrich.camel.examples.benchmarks.SyntheticContacts;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Credits running out mid-job. Nothing is lost: every contact ends FOUND or NOT_FOUND, CREDITS_INSUFFICIENT (the
 * simulator charges when a job runs, so its jobs end in that status), or unsubmitted and reported (the API's 402 on
 * submission: sending stops at the first one, nothing is retried, the rest comes back in the exception).
 */
class CreditsRunOutTest {

    private static final String BULK = "/api/v1/contact/enrich/bulk";
    private static final int ACCEPTED_BEFORE_402 = 3;

    private final ContactAccounting accounting = new ContactAccounting();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private WireMockServer api;

    @AfterEach
    void stopApi() {
        if (api != null) {
            api.stop();
        }
    }

    @Test
    void creditsEndingMidJobLeaveEveryContactWithAnOutcome() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(BenchmarkMain.API_KEY)).requestsPerMinute(0)
                .processingLatency(Duration.ofMillis(200)).build());
                TestApp app = new TestApp(simulator.baseUrl())) {
            app.start().add(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:contacts")
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                            .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                            .to("deepenrich:bulk")
                            .process(e -> accounting.receipt(e.getMessage().getBody(SubmissionReceipt.class)));
                    from("deepenrich:results?delay=100&firstReadAfter=200")
                            .process(e -> accounting.emitted(e.getMessage().getBody(EnrichmentResult.class)));
                }
            });
            feed(app, 0, 500);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(accounting.accounted() == 500, accounting::toString));
            long spentBefore = simulator.stats().creditsSpent();
            simulator.setCredits(50);
            feed(app, 500, 500);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(accounting.accounted() == 1_000, accounting::toString));

            System.out.printf("credits run out: %s; credits spent %d before, %d after the balance was set to 50; %s%n",
                    accounting, spentBefore, simulator.stats().creditsSpent() - spentBefore, simulator.stats());
            List<String> all = leadIds(0, 1_000);
            assertEquals(List.of(), accounting.missing(all), "contacts without an outcome");
            assertEquals(List.of(), accounting.accountedTwice(), "contacts emitted twice");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(accounting.receipts() == 10,
                    () -> accounting.receipts() + " receipts, expected one per batch of 100"));
            assertEquals(List.of(), accounting.receiptsNotAddingUp(),
                    "receipts where submitted + rejected != received");
            assertTrue(leadIds(0, 500).stream()
                    .allMatch(id -> accounting.outcome(id) != ContactOutcome.CREDITS_INSUFFICIENT),
                    "the first 500 ran with credits");
            long found =
                    leadIds(500, 500).stream().filter(id -> accounting.outcome(id) == ContactOutcome.FOUND).count();
            long withoutCredits = leadIds(500, 500).stream()
                    .filter(id -> accounting.outcome(id) == ContactOutcome.CREDITS_INSUFFICIENT).count();
            assertTrue(found <= 50 && withoutCredits > 0, "after the balance fell to 50: " + found + " found, "
                                                          + withoutCredits + " without credits");
            assertTrue(simulator.credits() >= 0, "balance went negative: " + simulator.credits());
        }
    }

    @Test
    void a402StopsTheSubmissionAndReportsTheUnsentContacts() throws Exception {
        startApiAccepting(ACCEPTED_BEFORE_402);
        try (TestApp app = new TestApp(api.baseUrl() + "/api/v1")) {
            app.start();
            List<Map<String, Object>> contacts = SyntheticContacts.apiShaped(0, 500);

            CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                    () -> app.template().requestBody("deepenrich:bulk", contacts, SubmissionReceipt.class));

            DeepEnrichInsufficientCreditsException e =
                    assertInstanceOf(DeepEnrichInsufficientCreditsException.class, failed.getCause());
            assertEquals(List.of("id-1", "id-2", "id-3"), e.getSubmittedIds(), "ids accepted before the 402");
            assertEquals(contacts.subList(300, 500), e.getUnsubmittedContacts(), "contacts not sent, in order");
            api.verify(ACCEPTED_BEFORE_402 + 1, postRequestedFor(urlEqualTo(BULK)));
        }
    }

    @Test
    void afterA402EveryLaterBatchIsReportedUnsentWithoutARequest() throws Exception {
        startApiAccepting(ACCEPTED_BEFORE_402);
        try (TestApp app = new TestApp(api.baseUrl() + "/api/v1")) {
            app.start().add(new RouteBuilder() {

                @Override
                public void configure() {
                    onException(DeepEnrichException.class).handled(true).process(e -> {
                        DeepEnrichException failure =
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, DeepEnrichException.class);
                        accounting.unsubmitted(failure.getUnsubmittedContacts(), failure.getClass().getSimpleName());
                    });
                    from("direct:contacts")
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                            .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                            .process(e -> e.setVariable("batch", e.getMessage().getBody(List.class)))
                            .to("deepenrich:bulk")
                            .process(e -> {
                                accountAccepted(e.getVariable("batch", List.class));
                                accounting.receipt(e.getMessage().getBody(SubmissionReceipt.class));
                            });
                }
            });
            feed(app, 0, 1_000);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(accepted.size() + accounting.unsubmittedReasons().size() == 1_000,
                            () -> accepted.size() + " accepted, " + accounting));

            System.out.printf("402 mid-job: %d contacts accepted, %d reported unsent%n", accepted.size(),
                    accounting.unsubmittedReasons().size());
            // what counts is that what we call accepted is exactly what the API accepted
            long answered200 = api.getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().equals(BULK))
                    .filter(event -> event.getResponse().getStatus() == 200).count();
            assertTrue(answered200 >= ACCEPTED_BEFORE_402, "the API accepted " + answered200 + " requests");
            assertEquals(answered200 * 100, accepted.size(), "contacts accepted = contacts the API answered 200 for");
            assertTrue(accounting.unsubmittedReasons().values().stream()
                    .allMatch(r -> r.equals("DeepEnrichInsufficientCreditsException")), "why they were not sent");
            assertTrue(accepted.stream().noneMatch(accounting.unsubmittedReasons()::containsKey),
                    "a contact both accepted and reported unsent");
            assertEquals(List.of(), accounting.receiptsNotAddingUp(),
                    "receipts where submitted + rejected != received");
            // the 402 is remembered: only the requests already under way when it came were sent, the later
            // batches failed at once without a request
            long answered402 = api.getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().equals(BULK))
                    .filter(event -> event.getResponse().getStatus() == 402).count();
            assertTrue(answered402 >= 1 && answered402 <= 4, answered402 + " requests answered 402");
            api.verify((int) (answered200 + answered402), postRequestedFor(urlEqualTo(BULK)));
            assertTrue(answered200 + answered402 < 10, "later batches still sent requests");
        }
    }

    private void accountAccepted(List<?> batch) {
        batch.forEach(c -> accepted.add(ContactAccounting.leadId(c)));
    }

    /** The bulk endpoint accepts {@code accepted} requests (ids id-1, id-2, ...), then answers 402 for good. */
    private void startApiAccepting(int accepted) {
        api = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new CreditsRunOut(accepted)));
        api.start();
        api.stubFor(post(urlEqualTo(BULK)).willReturn(aResponse().withTransformers(CreditsRunOut.NAME)));
    }

    /**
     * The first {@code accepted} requests are accepted (ids {@code id-1}, {@code id-2} ...), every later one is
     * answered 402, counted atomically: a WireMock scenario can miss its state change when requests race (a request
     * matched no stub at all under load).
     */
    private static final class CreditsRunOut implements ResponseDefinitionTransformerV2 {

        static final String NAME = "credits-run-out";
        private final AtomicInteger requests = new AtomicInteger();
        private final int accepted;

        CreditsRunOut(int accepted) {
            this.accepted = accepted;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            int request = requests.incrementAndGet();
            return request <= accepted
                    ? ResponseDefinitionBuilder.okForJson(Map.of("enrichment_id", "id-" + request)).build()
                    : ResponseDefinitionBuilder.responseDefinition().withStatus(402)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"code\":\"error.credits.insufficient\",\"message\":\"Not enough credits\"}")
                            .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    private static void feed(TestApp app, int from, int count) {
        for (int i = from; i < from + count; i++) {
            app.template().sendBody("direct:contacts", SyntheticContacts.apiShaped(i));
        }
    }

    private static List<String> leadIds(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(SyntheticContacts::leadId).toList();
    }
}
