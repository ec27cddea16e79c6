package com.deepenrich.camel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.deepenrich.camel.callback.CallbackToken;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three CamelContexts on one PostgreSQL database, sharing the {@link JdbcDeepEnrichLedger} and Camel's
 * {@link JdbcMessageIdRepository}: nodes A and B in this JVM, node C in a child JVM. Twelve enrichments are pending;
 * their webhooks go to A and B in turn (two of them to both), three never come and are read by the poll fallback,
 * A is stopped while its route holds one result, C emits one result and is killed with SIGKILL while its route holds
 * another, and the interrupted deliveries are sent again to B, the survivor.
 * <p>
 * What is asserted: every route run that completed emitted a different id, and every id was emitted by one: each
 * exactly once across A, B and C. The one id in C's route at the kill is emitted again by B (at-least-once for
 * the killed route only). At the end the ledger is empty and the repository holds every id's key.
 */
@Timeout(90)
class ThreeNodesOnPostgresTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final List<String> IDS = IntStream.range(0, 12).mapToObj(i -> "id-" + i).toList();
    /** Their webhooks never come: submitted long before {@link PostgresNode#POLL_FALLBACK_AFTER}, so polled. */
    private static final List<String> LOST = IDS.subList(0, 3);
    /** Delivered to A and B in turn; the first two also to the other node. */
    private static final List<String> SPREAD = IDS.subList(3, 9);
    private static final String HELD_BY_STOPPING_A = "id-9";
    private static final String EMITTED_BY_C = "id-10";
    private static final String HELD_BY_KILLED_C = "id-11";

    private final WireMockApi api = new WireMockApi();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Emission> emissions = new CopyOnWriteArrayList<>();
    private final List<String> webhooks = new CopyOnWriteArrayList<>();

    @TempDir
    Path work;

    /** A route run that completed: on which node, for which id. */
    private record Emission(String node, String id) {
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void everyResultIsEmittedOnceAcrossThreeNodesOneStoppedAndOneKilled() throws Exception {
        allPendingWithTheirResultsFinished();
        try (Node a = new Node("A", HELD_BY_STOPPING_A); Node b = new Node("B", null)) {
            await("the lost webhooks' results polled and emitted").until(() -> LOST.stream().noneMatch(this::pending));

            for (int i = 0; i < SPREAD.size(); i++) {
                expect(200, "emitted", (i % 2 == 0 ? a : b).deliver(SPREAD.get(i)));
            }
            expect(200, "duplicate", b.deliver(SPREAD.get(0)));
            expect(200, "duplicate", a.deliver(SPREAD.get(1)));

            CompletableFuture<HttpResponse<String>> held = a.deliverAsync(HELD_BY_STOPPING_A);
            stopWhileInRoute(a);
            expect(200, "emitted", held.get(10, TimeUnit.SECONDS));
            expect(200, "duplicate", b.deliver(HELD_BY_STOPPING_A));

            killCWhileItsRouteHoldsAResult(b);
            expect(503, "being processed", b.deliver(HELD_BY_KILLED_C));
            claimOfTheKilledNodeExpires(HELD_BY_KILLED_C);
            expect(200, "emitted", b.deliver(HELD_BY_KILLED_C));
            expect(200, "duplicate", b.deliver(HELD_BY_KILLED_C));
        }
        emissions.addAll(completedInC());
        report();

        assertEquals(IDS.stream().sorted().toList(), emissions.stream().map(Emission::id).sorted().toList(),
                "every id emitted by exactly one completed route run: " + emissions);
        assertEquals(List.of(HELD_BY_KILLED_C), Files.readAllLines(work.resolve(PostgresNode.IN_ROUTE)),
                "C's route held this id at the kill; B emitted it again");
        assertTrue(emissions.containsAll(List.of(new Emission("A", HELD_BY_STOPPING_A), new Emission("C", EMITTED_BY_C),
                new Emission("B", HELD_BY_KILLED_C))), emissions.toString());
        assertTrue(ledger().pending().isEmpty(), "the ledger is empty");
        assertEquals(IDS, IDS.stream().filter(seenByTheRepository()::contains).toList(), "every key stays seen");
        assertEquals(LOST, IDS.stream().filter(id -> ResultStubs.reads(api, id) == 1).toList(),
                "the lost ones read once each by the poll fallback, the others never");
        assertEquals(LOST.size(), IDS.stream().mapToInt(id -> ResultStubs.reads(api, id)).sum());
    }

    /** Every id pending in the shared ledger (the lost ones submitted an hour ago); the API has every result. */
    private void allPendingWithTheirResultsFinished() {
        JdbcDeepEnrichLedger ledger = ledger();
        ledger.start();
        Instant now = Instant.now();
        for (String id : IDS) {
            ledger.record(new PendingEnrichment(id, "two-nodes", LOST.contains(id) ? now.minus(Duration.ofHours(1))
                    : now, 1));
        }
        api.server.stubFor(get(urlPathMatching(ResultStubs.RESULT_PATH + "id-[0-9]+")).willReturn(okJson(
                finished("{{request.pathSegments.[5]}}")).withTransformers("response-template")));
    }

    /** Stops A on another thread once its route holds the result, and lets the route go on once A's consumer stopped. */
    private static void stopWhileInRoute(Node a) throws Exception {
        assertTrue(a.inRoute.await(10, TimeUnit.SECONDS), "the result reached A's route");
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(a.context::stop);
        await("A's webhook consumer stopped")
                .until(() -> ServiceHelper.isStopped(a.context.getRoute(PostgresNode.ROUTE).getConsumer()));
        a.release.countDown();
        stopped.get(20, TimeUnit.SECONDS);
    }

    /** C emits one result (its redelivery to B is a duplicate), then is killed while its route holds another. */
    private void killCWhileItsRouteHoldsAResult(Node b) throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        PGSimpleDataSource db = (PGSimpleDataSource) POSTGRES.dataSource();
        NodeProcess c = NodeProcess.start(PostgresNode.class, work.toString(), api.baseUrl(), db.getURL(),
                db.getUser(), Integer.toString(port), HELD_BY_KILLED_C);
        try {
            c.await("C started", () -> c.lines().contains(PostgresNode.STARTED));
            expect(200, "emitted", send("C", port, EMITTED_BY_C));
            expect(200, "duplicate", b.deliver(EMITTED_BY_C));
            http.sendAsync(delivery(port, HELD_BY_KILLED_C), HttpResponse.BodyHandlers.ofString());
            webhooks.add("C " + HELD_BY_KILLED_C + " (no answer: killed)");
            c.await("the result in C's route", () -> Files.exists(work.resolve(PostgresNode.IN_ROUTE)));
        } finally {
            c.kill();
        }
        assertTrue(claimedBy(HELD_BY_KILLED_C).startsWith("webhook-"), "the killed node's webhook holds the claim");
    }

    /**
     * A killed node's claim lasts {@code ResultEmitter.CLAIM_LEASE} (10 minutes, no option shortens it): until then
     * every redelivery is answered 503. This moves the claim's expiry to the past, as the 10 minutes would.
     */
    private static void claimOfTheKilledNodeExpires(String id) throws SQLException {
        try (Connection c = POSTGRES.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE deepenrich_ledger SET claim_expires_at = CURRENT_TIMESTAMP - INTERVAL '1 second' "
                                                         + "WHERE enrichment_id = ?")) {
            s.setString(1, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static String claimedBy(String id) throws SQLException {
        try (Connection c = POSTGRES.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT claimed_by FROM deepenrich_ledger WHERE enrichment_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getString(1)) : "no row";
            }
        }
    }

    private List<Emission> completedInC() throws IOException {
        Path log = work.resolve(PostgresNode.EMITTED);
        return Files.exists(log) ? Files.readAllLines(log).stream().map(id -> new Emission("C", id)).toList()
                : List.of();
    }

    private boolean pending(String id) {
        return ledger().find(id).isPresent();
    }

    private static JdbcDeepEnrichLedger ledger() {
        return new JdbcDeepEnrichLedger(POSTGRES.dataSource());
    }

    private static List<String> seenByTheRepository() {
        JdbcMessageIdRepository seen = new JdbcMessageIdRepository(POSTGRES.dataSource(), PostgresNode.REPOSITORY);
        seen.start();
        try {
            return IDS.stream().filter(id -> seen.contains(id + ":" + EnrichmentStatus.FINISHED)).toList();
        } finally {
            seen.stop();
        }
    }

    /** The figures: who emitted each id, the webhooks sent and their answers, the reads of the API. */
    private void report() {
        Map<String, List<String>> byId = new TreeMap<>();
        emissions.forEach(e -> byId.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e.node()));
        System.out.println("Emissions per id (node): " + byId);
        System.out.println("Webhooks sent: " + webhooks.size() + " " + webhooks);
        System.out.println("Polls (GET of a result): " + IDS.stream().filter(id -> ResultStubs.reads(api, id) > 0)
                .collect(Collectors.toMap(id -> id, id -> ResultStubs.reads(api, id), (x, y) -> x, TreeMap::new)));
    }

    private void expect(int status, String message, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(message), answer.body());
    }

    private HttpResponse<String> send(String node, int port, String id) throws Exception {
        HttpResponse<String> answer = http.send(delivery(port, id), HttpResponse.BodyHandlers.ofString());
        webhooks.add(node + " " + id + " " + answer.statusCode());
        return answer;
    }

    private static HttpRequest delivery(int port, String id) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deepenrich/results?token="
                                                 + CallbackToken.derive(WireMockApi.API_KEY)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(finished(id)))
                .build();
    }

    /** A node in this JVM: its route adds what it completes to {@link #emissions}, and holds {@code held} on a latch. */
    private final class Node implements AutoCloseable {

        final CamelContext context;
        final CountDownLatch inRoute = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String name;
        private final int port = AvailablePortFinder.getNextAvailable();

        Node(String name, String held) throws Exception {
            this.name = name;
            context = PostgresNode.start(api.baseUrl(), POSTGRES.dataSource(), port, e -> {
                String id = PostgresNode.idOf(e);
                if (id.equals(held)) {
                    inRoute.countDown();
                    assertTrue(release.await(20, TimeUnit.SECONDS));
                }
                emissions.add(new Emission(name, id));
            });
        }

        HttpResponse<String> deliver(String id) throws Exception {
            return send(name, port, id);
        }

        CompletableFuture<HttpResponse<String>> deliverAsync(String id) {
            webhooks.add(name + " " + id + " (held in the route)");
            return http.sendAsync(delivery(port, id), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            release.countDown();
            context.stop();
        }
    }

    /**
     * One node: a webhook route on platform-http (127.0.0.1) with its poll fallback, on the shared ledger and
     * repository. Run in a child JVM by {@link #main}: its route appends each id it completes to {@value #EMITTED}
     * (synced); given the held id, it writes it to {@value #IN_ROUTE} and waits to be killed.
     * <p>
     * Arguments: work dir, API base URL, JDBC URL, database user, HTTP port, held id.
     */
    public static final class PostgresNode {

        static final String ROUTE = "results";
        static final String REPOSITORY = "deepenrich-webhooks";
        static final String STARTED = "STARTED";
        static final String EMITTED = "emitted.log";
        static final String IN_ROUTE = "in-route";
        /** Long past the test: only ids submitted long before are polled. */
        static final long POLL_FALLBACK_AFTER = Duration.ofMinutes(10).toMillis();

        private PostgresNode() {
        }

        public static void main(String[] args) throws Exception {
            Path work = Path.of(args[0]);
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setURL(args[2]);
            db.setUser(args[3]);
            CamelContext context = start(args[1], db, Integer.parseInt(args[4]), e -> {
                String id = idOf(e);
                if (id.equals(args[5])) {
                    CrashNode.append(work.resolve(IN_ROUTE), id);
                    Thread.sleep(60_000); // the test kills this process long before
                }
                CrashNode.append(work.resolve(EMITTED), id);
            });
            System.out.println(STARTED);
            Thread.sleep(60_000); // the test kills this process long before
            context.stop();
        }

        static CamelContext start(String baseUrl, DataSource db, int port, Processor step) throws Exception {
            DeepEnrichComponent component = WireMockApi.component(baseUrl);
            DeepEnrichConfiguration cfg = component.getConfiguration();
            cfg.setLedger(new JdbcDeepEnrichLedger(db));
            cfg.setIdempotentRepository(new JdbcMessageIdRepository(db, REPOSITORY));

            CamelContext context = new DefaultCamelContext();
            context.addComponent("deepenrich", component);
            LocalHttpServer.addTo(context, port);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from(WebhookTestSupport.WEBHOOK + "&pollFallbackAfter=" + POLL_FALLBACK_AFTER
                         + "&delay=50&initialDelay=0").routeId(ROUTE).process(step);
                }
            });
            context.start();
            return context;
        }

        static String idOf(Exchange exchange) {
            return exchange.getMessage().getBody(EnrichmentResult.class).getId();
        }
    }
}
