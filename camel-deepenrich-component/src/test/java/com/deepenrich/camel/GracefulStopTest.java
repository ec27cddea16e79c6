package com.deepenrich.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.callback.CallbackToken;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes share a JDBC ledger and a {@code JdbcMessageIdRepository} (H2). Node A is stopped while its route holds a
 * result: Camel lets the route finish, the result counts as emitted, and DeepEnrich's redelivery to node B is a
 * duplicate.
 */
class GracefulStopTest {

    private static final String ID = "id-stopping";

    private final WireMockApi api = new WireMockApi();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JdbcDataSource database = new JdbcDataSource();

    GracefulStopTest() {
        database.setURL("jdbc:h2:mem:graceful-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void aWebhookResultInTheRouteWhileItsNodeStopsIsEmittedOnceAndTheRedeliveryIsADuplicate() throws Exception {
        JdbcDeepEnrichLedger ledger = sharedLedger();
        ledger.record(new PendingEnrichment(ID, "stopping", Instant.now(), 1));
        try (Node a = new Node(0); Node b = new Node(0)) {
            CompletableFuture<HttpResponse<String>> answer = a.deliverAsync();
            stopWhileInRoute(a);

            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode(), answer.join().body());
            assertEmittedOnceAndDone(a, ledger);
            assertRedeliveryToBIsADuplicate(b);
        }
    }

    @Test
    void aPolledResultInTheRouteWhileItsNodeStopsIsEmittedOnceAndTheRedeliveryIsADuplicate() throws Exception {
        JdbcDeepEnrichLedger ledger = sharedLedger();
        ledger.record(new PendingEnrichment(ID, "stopping", Instant.now().minus(Duration.ofHours(1)), 1));
        ResultStubs.answerInTurn(api, ID, ok(finished(ID)));
        try (Node a = new Node(Duration.ofMinutes(1).toMillis()); Node b = new Node(0)) {
            stopWhileInRoute(a);

            assertEmittedOnceAndDone(a, ledger);
            assertRedeliveryToBIsADuplicate(b);
        }
    }

    private JdbcDeepEnrichLedger sharedLedger() {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(database);
        ledger.start();
        return ledger;
    }

    /** Stops A on another thread once its route holds the result, and lets the route go on once A's consumer stopped. */
    private static void stopWhileInRoute(Node a) throws Exception {
        assertTrue(a.inRoute.await(10, TimeUnit.SECONDS), "the result reached A's route");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(a.context::stop);
        await("A's webhook consumer stopped")
                .until(() -> ServiceHelper.isStopped(a.context.getRoute("results").getConsumer()));
        a.release.countDown();
        stopped.get(20, TimeUnit.SECONDS);
    }

    private void assertEmittedOnceAndDone(Node a, JdbcDeepEnrichLedger ledger) {
        assertEquals(List.of(ID), a.emitted);
        assertTrue(ledger.find(ID).isEmpty(), "the ledger entry is completed");
        JdbcMessageIdRepository seen = repository();
        seen.start();
        assertTrue(seen.contains(ID + ":" + EnrichmentStatus.FINISHED), "the idempotent key stays");
    }

    private static void assertRedeliveryToBIsADuplicate(Node b) throws Exception {
        HttpResponse<String> redelivered = b.deliver();
        assertEquals(200, redelivered.statusCode());
        assertTrue(redelivered.body().contains("duplicate"), redelivered.body());
        assertEquals(List.of(), b.emitted, "not emitted a second time");
    }

    private JdbcMessageIdRepository repository() {
        return new JdbcMessageIdRepository(database, "deepenrich-webhooks");
    }

    /**
     * One node: a webhook route on platform-http (127.0.0.1) whose first exchange waits for {@link #release}, with
     * the shared ledger and repository and, when {@code pollFallbackAfter} is positive, a poll fallback.
     */
    private final class Node implements AutoCloseable {

        final CamelContext context = new DefaultCamelContext();
        final List<String> emitted = new CopyOnWriteArrayList<>();
        final CountDownLatch inRoute = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final int port = AvailablePortFinder.getNextAvailable();

        Node(long pollFallbackAfter) throws Exception {
            DeepEnrichComponent component = api.component();
            component.getConfiguration().setLedger(new JdbcDeepEnrichLedger(database));
            component.getConfiguration().setIdempotentRepository(repository());
            context.addComponent("deepenrich", component);
            LocalHttpServer.addTo(context, port);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                         + "&webhookPath=/deepenrich/results&pollFallbackAfter=" + pollFallbackAfter
                         + "&delay=50&initialDelay=0")
                            .routeId("results")
                            .process(e -> {
                                inRoute.countDown();
                                assertTrue(release.await(20, TimeUnit.SECONDS));
                            })
                            .process(e -> emitted.add(e.getMessage().getBody(EnrichmentResult.class).getId()));
                }
            });
            context.start();
        }

        private HttpRequest delivery() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deepenrich/results?token="
                                                     + CallbackToken.derive(WireMockApi.API_KEY)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(finished(ID)))
                    .build();
        }

        CompletableFuture<HttpResponse<String>> deliverAsync() {
            return http.sendAsync(delivery(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> deliver() throws Exception {
            release.countDown();
            return http.send(delivery(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            release.countDown();
            context.stop();
        }
    }
}
