package com.deepenrich.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes share one ledger on PostgreSQL. Node A (a child JVM) holds three people and is killed: one person's
 * request is on the wire (its answer never came), the two others wait for their rate-limit turn, never written.
 * Node B (this JVM) meets the same people, respelled: none is sent, each waits for A's hold. The webhook of A's request
 * reaches B and answers B's contact with it; the two others, whose holds nobody will ever answer, are reported once
 * the hold timeout passed (a warning naming them, the {@code contactsUnanswered} count, the health check): no contact
 * is silently absent.
 */
@Timeout(120)
class HeldByADeadNodeTest extends KillTestSupport {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    private static final String HOLD_TIMEOUT = "8000";
    /**
     * A's request stays unanswered until A is killed, which follows at once; the API's stop waits for the answer it
     * delays, so no longer than needed.
     */
    private static final int ANSWER_DELAY_MS = 15_000;
    private static final String BULK = "deepenrich:bulk?name=b&personHoldTimeout=" + HOLD_TIMEOUT;
    private CamelContext nodeB;

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void aContactWaitingForADeadNodeIsAnsweredByItsRequestsResultOrReportedWhenItsHoldTimesOut() throws Exception {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"enrichment_id\": \"id-0\"}")
                .withFixedDelay(ANSWER_DELAY_MS)));
        PGSimpleDataSource db = (PGSimpleDataSource) POSTGRES.dataSource();
        nodeB = nodeB();
        NodeProcess nodeA = NodeProcess.start(WireNode.class, Map.of(WireNode.HOLD_TIMEOUT, HOLD_TIMEOUT),
                work.toString(), db.getUrl() + "?user=" + db.getUser(), api.baseUrl(),
                Integer.toString(AvailablePortFinder.getNextAvailable()), "3");
        nodeA.await("its first request on the wire", () -> api.bulkRequests().size() == 1);
        nodeA.kill();
        String requestOnTheWire = WireMockApi.json(api.bulkRequests().get(0)).get("name").asText();
        int sent = WireMockApi.json(api.bulkRequests().get(0)).at("/datas/0/custom/seq").asInt();
        List<Integer> neverSent = IntStream.range(0, 3).filter(seq -> seq != sent).boxed().toList();

        try (LogCapture log = new LogCapture()) {
            SubmissionReceipt receipt = nodeB.createProducerTemplate().requestBody(BULK,
                    List.of(WireMockApi.respelled(0, 100), WireMockApi.respelled(1, 101),
                            WireMockApi.respelled(2, 102)),
                    SubmissionReceipt.class);
            assertEquals(3, receipt.getDeduplicated(), "each waits for A's hold, none is sent");
            MockEndpoint results = nodeB.getEndpoint("mock:results", MockEndpoint.class);
            results.expectedMessageCount(1);

            assertAnswer(200, "emitted", deliver(resultOf("id-0", requestOnTheWire, sent)));

            results.assertIsSatisfied();
            List<EnrichedContact> answered = results.getExchanges().get(0).getMessage()
                    .getBody(EnrichmentResult.class).getContacts();
            assertEquals(List.of(sent, 100 + sent),
                    answered.stream().map(c -> Integer.parseInt(c.getCustom().get("seq")))
                            .sorted().toList(),
                    "A's request answers B's contact waiting for her");
            DeepEnrichEndpoint bulk = nodeB.getEndpoint(BULK, DeepEnrichEndpoint.class);
            Awaitility.await("the two contacts nobody will answer reported").atMost(Duration.ofSeconds(60))
                    .until(() -> bulk.getContactsUnanswered() == 2);
            List<String> reported = log.lines("no request will answer");
            assertEquals(1, reported.size(), reported.toString());
            for (int seq : neverSent) {
                assertTrue(reported.get(0).contains("{seq=" + (100 + seq) + "}"), reported.get(0));
            }
            assertEquals(2L, readiness().getDetails().get("contactsUnanswered"));
            assertEquals(0, bulk.getContactsWaitingForTheirPerson(), "no contact left waiting");
            assertEquals(1, api.bulkRequests().size(), "no person sent twice: A's first request only");
        }
    }

    /** Node B: the same component settings on the same database, its webhook route on this test's port. */
    private CamelContext nodeB() throws Exception {
        DeepEnrichComponent component = WireMockApi.component(api.baseUrl());
        component.getConfiguration().setLedger(new JdbcDeepEnrichLedger(POSTGRES.dataSource()));
        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        LocalHttpServer.addTo(context, port);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/deepenrich/results&pollFallbackAfter=0").routeId("results").to("mock:results");
            }
        });
        context.start();
        return context;
    }

    private HealthCheck.Result readiness() {
        return HealthCheckHelper.invokeReadiness(nodeB).stream()
                .filter(r -> r.getCheck().getId().startsWith("deepenrich")).findFirst().orElseThrow();
    }

    /** DeepEnrich's webhook for the request {@code name}: contact {@code seq}, found. */
    private static String resultOf(String id, String name, int seq) {
        Contact sent = WireMockApi.contact(seq);
        return DeepEnrichJson.writeString(Map.of("id", id, "name", name, "status", "FINISHED",
                "cost", Map.of("credits", 1), "datas", List.of(Map.of("custom", Map.of("seq", Integer.toString(seq)),
                        "contact", Map.of("firstname", sent.getFirstname(), "lastname", sent.getLastname(),
                                "most_probable_email", "found@example.com")))));
    }
}
