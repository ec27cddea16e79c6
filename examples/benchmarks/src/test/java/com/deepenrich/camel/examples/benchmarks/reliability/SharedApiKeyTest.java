package com.deepenrich.camel.examples.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.examples.benchmarks.BenchmarkMain;
import com.deepenrich.camel.examples.benchmarks.SyntheticContacts;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.examples.simulator.SimulatorStats;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes sharing one API key, and so one rate limit: each is set to the account's whole limit, which it alone
 * respects and the two together would exceed. Every route that calls the API runs under Camel's
 * {@link ClusteredRoutePolicy} with camel-file's {@link FileLockClusterService}, so only the elected node submits and
 * polls (operations.md explains why not the {@code master:} endpoint). The contacts wait in a directory both nodes
 * read; the ledger is shared (JDBC). The simulator enforces the limit: 60 requests per window, the window shortened
 * to 2 s as in B2.
 */
class SharedApiKeyTest {

    static final int LIMIT_PER_WINDOW = 60;
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final int PER_MINUTE = (int) (LIMIT_PER_WINDOW * Duration.ofMinutes(1).toNanos() / WINDOW.toNanos());
    static final int BATCHES = 100;
    static final int BATCH_SIZE = 12;
    static final int CONTACTS = BATCHES * BATCH_SIZE;
    static final String NAMESPACE = "deepenrich";

    @TempDir
    Path dir;

    private final ContactAccounting accounting = new ContactAccounting();
    private final JdbcDataSource ledgerDatabase = new JdbcDataSource();

    SharedApiKeyTest() {
        ledgerDatabase.setURL("jdbc:h2:mem:shared-ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void theElectedNodeAloneCallsTheApiAndTheOtherTakesOverWhenItStops() throws Exception {
        List<String> input = writeBatches();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(simulatorConfig());
                Node a = new Node("node-a", simulator.baseUrl(), true);
                Node b = new Node("node-b", simulator.baseUrl(), true)) {
            long start = System.nanoTime();
            a.start();
            b.start();
            SimulatorStats stats = simulator.stats();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertTrue(stats.submissions() >= BATCHES / 3, stats::toString));
            Node leader = a.isLeader() ? a : b;
            Node follower = leader == a ? b : a;
            assertTrue(leader.isLeader() && !follower.isLeader(), "one leader");
            assertTrue(leader.requestsSent() > 0, "the leader calls the API");
            assertEquals(0, follower.requestsSent(), "requests the follower sent while it followed");

            long stoppedAt = System.nanoTime();
            leader.close();
            int submittedByLeader = leader.submitted.get();
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertTrue(accounting.accounted() == CONTACTS, accounting::toString));
            double seconds = (System.nanoTime() - start) / 1e9;
            double handover = (follower.firstSubmittedAt - stoppedAt) / 1e9;

            long requests = stats.totalRequests();
            double bound = requests * 60.0 / PER_MINUTE;
            System.out.printf("two nodes, one key, %d per %d s: %d contacts, %d requests (%d POST, %d GET) in %.1f s;"
                              + " bound (requests / rate) %.1f s; 429s %d; submitted by the first leader %d, by the"
                              + " second %d; from the leader's stop to the second's first submission %.1f s%n",
                    LIMIT_PER_WINDOW, WINDOW.toSeconds(), CONTACTS, requests, stats.submissions(),
                    stats.requests("GET /contact/enrich/bulk/{id}"), seconds, bound, stats.rateLimited429(),
                    submittedByLeader, follower.submitted.get(), handover);
            assertEquals(0, stats.rateLimited429(), "429s at the simulator");
            assertEquals(List.of(), accounting.missing(input), "contacts never emitted");
            assertEquals(List.of(), accounting.accountedTwice(), "contacts emitted twice");
            assertEquals(CONTACTS, stats.contactsSubmitted(), "contacts accepted by the API");
            assertEquals(0, stats.duplicateContactSubmissions(), "contacts accepted twice");
            assertTrue(submittedByLeader > 0 && follower.submitted.get() > 0 && follower.isLeader(),
                    "the follower took over: " + submittedByLeader + " then " + follower.submitted.get());
        }
    }

    /** Without the election, the same two nodes each take the whole limit: the simulator answers 429s. */
    @Test
    void withoutTheElectionTheSameTwoNodesExceedTheLimit() throws Exception {
        writeBatches();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(simulatorConfig());
                Node a = new Node("node-a", simulator.baseUrl(), false);
                Node b = new Node("node-b", simulator.baseUrl(), false)) {
            a.start();
            b.start();
            SimulatorStats stats = simulator.stats();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertTrue(stats.rateLimited429() > 0 || stats.submissions() == BATCHES, stats::toString));

            assertTrue(stats.rateLimited429() > 0, () -> "no 429: " + stats);
            assertTrue(a.submitted.get() > 0 && b.submitted.get() > 0, "both nodes submitted");
        }
    }

    private SimulatorConfig simulatorConfig() {
        return SimulatorConfig.builder().apiKeys(Set.of(BenchmarkMain.API_KEY))
                .requestsPerMinute(LIMIT_PER_WINDOW).rateWindow(WINDOW)
                .processingLatency(Duration.ofMillis(200)).build();
    }

    /** One JSON file per batch in the inbox both nodes read; the lead ids of every contact. */
    private List<String> writeBatches() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        ObjectMapper json = new ObjectMapper();
        List<String> leadIds = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            json.writeValue(dir.resolve("inbox/batch-" + i + ".json").toFile(),
                    SyntheticContacts.apiShaped(i * BATCH_SIZE, BATCH_SIZE));
            for (int c = i * BATCH_SIZE; c < (i + 1) * BATCH_SIZE; c++) {
                leadIds.add(SyntheticContacts.leadId(c));
            }
        }
        return leadIds;
    }

    /**
     * One node: its own Camel context, component (so its own rate limiter, set to the account's whole limit and to
     * the simulator's window), ledger object on the shared database and view of the cluster.
     */
    private final class Node implements AutoCloseable {

        final AtomicInteger submitted = new AtomicInteger();
        volatile long firstSubmittedAt;
        private final TestApp app;
        private final FileLockClusterService cluster = new FileLockClusterService();
        private final String name;
        private final boolean elected;

        Node(String name, String baseUrl, boolean elected) {
            this.name = name;
            this.elected = elected;
            app = new TestApp(baseUrl);
            app.configuration().setRequestsPerMinute(PER_MINUTE);
            app.configuration().setRateLimitWindow(WINDOW.toMillis());
            app.configuration().setMaxRetryDelay(WINDOW.toMillis());
            app.configuration().setLedger(new JdbcDeepEnrichLedger(ledgerDatabase));
            cluster.setId(name);
            cluster.setRoot(dir.resolve("cluster").toString());
            cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        }

        void start() throws Exception {
            app.context().addService(cluster);
            app.start();
            app.add(new RouteBuilder() {

                @Override
                public void configure() throws Exception {
                    // synchronous: one batch in flight, so a leader that stops finishes it before it lets go
                    from("file:" + dir.resolve("inbox") + "?delete=true&readLock=markerFile&synchronous=true")
                            .routeId("submit-" + name).routePolicy(onLeaderOnly())
                            .to("deepenrich:bulk?name=" + name)
                            .process(e -> {
                                if (submitted.getAndIncrement() == 0) {
                                    firstSubmittedAt = System.nanoTime();
                                }
                            });
                    from("deepenrich:results?delay=300&firstReadAfter=200").routeId("results-" + name)
                            .routePolicy(onLeaderOnly())
                            .process(e -> accounting.emitted(e.getMessage().getBody(EnrichmentResult.class)));
                }
            });
        }

        private RoutePolicy[] onLeaderOnly() throws Exception {
            return elected ? new RoutePolicy[]{ClusteredRoutePolicy.forNamespace(NAMESPACE)} : new RoutePolicy[0];
        }

        /** HTTP requests this node's endpoints sent to the API (retries included). */
        long requestsSent() {
            return app.context().getEndpoints().stream().filter(DeepEnrichEndpoint.class::isInstance)
                    .map(DeepEnrichEndpoint.class::cast).mapToLong(DeepEnrichEndpoint::getRequestsSent).sum();
        }

        boolean isLeader() {
            return cluster.isLeader(NAMESPACE);
        }

        @Override
        public void close() throws Exception {
            app.close();
        }
    }
}
