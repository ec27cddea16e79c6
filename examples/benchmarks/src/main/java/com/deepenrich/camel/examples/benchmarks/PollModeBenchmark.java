package com.deepenrich.camel.examples.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.callback.CallbackUrl;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.examples.simulator.SimulatorStats;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * B5: results of a backlog of pending enrichments read while new submissions keep arriving at the rate limit. Time
 * runs {@code 60 s / rateWindow} times faster than in production: the simulator allows 60 requests per window, a
 * job takes {@value #JOB_WINDOWS} windows (3 minutes in production), the consumer polls every half window (30 s)
 * and reads a running job at most every 10 windows (10 minutes). The backlog is submitted under other API keys
 * (their limits apart) and recorded in the ledger; the component's own submissions (one request each) go through
 * {@code deepenrich:bulk} with its back-pressure, at the limit, for {@value #SUBMIT_WINDOWS} windows. Every result,
 * of the backlog and of the new submissions, must be emitted once.
 */
final class PollModeBenchmark {

    static final String TITLE = "B5 poll mode at scale";
    private static final int LIMIT_PER_WINDOW = 60;
    private static final int JOB_WINDOWS = 3;
    private static final int SUBMIT_WINDOWS = 10;
    private static final int FALLBACK_WINDOWS = 10;
    private static final int CONTACTS_PER_REQUEST = 10;
    private static final String GET_RESULT = "GET /contact/enrich/bulk/{id}";
    private static final String WARM_UP_KEY = "warm-up";
    private static final int WARM_UP_REQUESTS = 8;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Mode {
        POLL, WEBHOOK
    }

    private PollModeBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        Duration window = scale.rateWindow();
        Duration jobLatency = window.multipliedBy(JOB_WINDOWS);
        report.add(TITLE, "poll, firstReadAfter = job time", new Run(scale, Mode.POLL, jobLatency).measure());
        report.add(TITLE, "poll, firstReadAfter = 0", new Run(scale, Mode.POLL, Duration.ZERO).measure());
        report.add(TITLE, "webhook + poll fallback", new Run(scale, Mode.WEBHOOK, jobLatency).measure());
        report.note(TITLE + ": " + scale.pendingJobs() + " jobs pending at the start, new submissions at the limit for "
                    + SUBMIT_WINDOWS + " windows; limit " + LIMIT_PER_WINDOW + " per " + window.toMillis()
                    + " ms window (production: per minute, so multiply times by " + Duration.ofMinutes(1).toMillis()
                                                                                    / window.toMillis()
                    + "); a job takes " + JOB_WINDOWS + " windows; poll delay half a window, "
                    + "maxReadInterval " + FALLBACK_WINDOWS + " windows, webhook pollFallbackAfter "
                    + FALLBACK_WINDOWS + " windows. 'finished -> emitted' runs from the job's end at the API to the "
                    + "route's receipt of its result.");
    }

    /** One measured run: its own simulator and Camel context. */
    private static final class Run {

        private final Scale scale;
        private final Mode mode;
        private final Duration firstReadAfter;
        private final Duration window;
        private final Duration jobLatency;
        private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        private final Map<String, Long> emittedAt = new ConcurrentHashMap<>();
        private final LongAdder emissions = new LongAdder();
        private final InMemoryDeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();

        Run(Scale scale, Mode mode, Duration firstReadAfter) {
            this.scale = scale;
            this.mode = mode;
            this.firstReadAfter = firstReadAfter;
            this.window = scale.rateWindow();
            this.jobLatency = window.multipliedBy(JOB_WINDOWS);
        }

        Map<String, String> measure() throws Exception {
            int perMinute = (int) (LIMIT_PER_WINDOW * Duration.ofMinutes(1).toNanos() / window.toNanos());
            List<String> seedKeys = IntStream.range(0, (scale.pendingJobs() + LIMIT_PER_WINDOW - 1) / LIMIT_PER_WINDOW)
                    .mapToObj(k -> "seed-" + k).toList();
            Set<String> keys = new HashSet<>(seedKeys);
            keys.add(BenchmarkMain.API_KEY);
            keys.add(WARM_UP_KEY);
            SimulatorConfig config = SimulatorConfig.builder().apiKeys(keys)
                    .requestsPerMinute(LIMIT_PER_WINDOW).rateWindow(window).processingLatency(jobLatency).build();
            VertxPlatformHttpServer server = SimulatorHarness.webhookServer();
            try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config);
                    CamelContext context = new DefaultCamelContext()) {
                context.addService(server);
                DeepEnrichComponent deepenrich = SimulatorHarness.atTheLimit(simulator.baseUrl(), perMinute, window);
                deepenrich.getConfiguration().setLedger(ledger);
                deepenrich.getConfiguration().setFirstReadAfter(firstReadAfter.toMillis());
                deepenrich.getConfiguration().setMaxReadInterval(window.multipliedBy(FALLBACK_WINDOWS).toMillis());
                deepenrich.getConfiguration().setPollFallbackAfter(window.multipliedBy(FALLBACK_WINDOWS).toMillis());
                context.addComponent("deepenrich", deepenrich);
                context.addRoutes(new RouteBuilder() {

                    @Override
                    public void configure() {
                        // @formatter:off
                        String poll = "delay=" + window.toMillis() / 2 + "&initialDelay=0";
                        from(mode == Mode.POLL ? "deepenrich:results?" + poll
                                : "webhook:deepenrich:results?webhookComponentName=platform-http"
                                  + "&webhookAutoRegister=false&webhookPath=/deepenrich/results&" + poll)
                                .routeId("results")
                                .process(e -> {
                                    emissions.increment();
                                    emittedAt.putIfAbsent(e.getMessage().getHeader(
                                            DeepEnrichConstants.ENRICHMENT_ID, String.class), System.nanoTime());
                                });
                        // @formatter:on
                    }
                });
                context.start();
                String callbackUrl = mode == Mode.WEBHOOK
                        ? "http://127.0.0.1:" + server.getPort() + "/deepenrich/results" : null;
                deepenrich.getConfiguration().setCallbackUrl(callbackUrl);

                warmUp(context);
                // the backlog's webhooks carry the token the component's own requests carry (derived from its key)
                seed(simulator.baseUrl(), seedKeys,
                        callbackUrl == null ? null : CallbackUrl.forRequest(null, deepenrich.getConfiguration(), null));
                SimulatorStats stats = simulator.stats();
                long seedSubmissions = stats.submissions();
                double submitSeconds = submitAtTheLimit(context, perMinute);
                long submitted = stats.submissions() - seedSubmissions;
                int expected = scale.pendingJobs() + (int) submitted;
                long deadline = System.nanoTime() + jobLatency.toNanos()
                                + window.toNanos() * (FALLBACK_WINDOWS + 3L * expected / LIMIT_PER_WINDOW);
                while (emittedAt.size() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                return figures(stats, perMinute, submitted, submitSeconds, expected);
            }
        }

        /**
         * Opens the component's connections and loads its classes under a key of its own (as B2 does): a JVM's first
         * requests reach the API late after the limiter let them go, and the requests a window later, on time, would
         * meet the sliding window's edge.
         */
        private void warmUp(CamelContext context) throws Exception {
            try (ProducerTemplate template = context.createProducerTemplate()) {
                List<CompletableFuture<Object>> answers = new ArrayList<>();
                for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                    answers.add(template.asyncRequestBody("deepenrich:getCredits?apiKey=" + WARM_UP_KEY
                                                          + "&requestsPerMinute=0",
                            null));
                }
                for (CompletableFuture<Object> answer : answers) {
                    answer.get();
                }
            }
        }

        /** The backlog: submitted under the seed keys (60 each, within their window) and recorded as pending. */
        private void seed(String baseUrl, List<String> seedKeys, String callbackUrl) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            ExecutorService threads = Executors.newFixedThreadPool(Math.min(16, seedKeys.size()));
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int k = 0; k < seedKeys.size(); k++) {
                    int key = k;
                    done.add(threads.submit(() -> {
                        for (int i = key * LIMIT_PER_WINDOW; i < Math.min(scale.pendingJobs(),
                                (key + 1) * LIMIT_PER_WINDOW); i++) {
                            seedOne(client, baseUrl, seedKeys.get(key), callbackUrl, i);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }
        }

        private void seedOne(HttpClient client, String baseUrl, String key, String callbackUrl, int i)
                throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "backlog " + i);
            if (callbackUrl != null) {
                body.put("webhook_url", callbackUrl);
            }
            body.put("datas", SyntheticContacts.apiShaped(i * CONTACTS_PER_REQUEST, CONTACTS_PER_REQUEST));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/contact/enrich/bulk"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("seeding job " + i + ": " + response.statusCode() + " "
                                                + response.body());
            }
            String id = MAPPER.readTree(response.body()).get("enrichment_id").asText();
            acknowledgedAt.put(id, System.nanoTime());
            ledger.record(new PendingEnrichment(id, "backlog " + i, Instant.now(), CONTACTS_PER_REQUEST));
        }

        /**
         * New submissions for {@value #SUBMIT_WINDOWS} windows' worth of the limit, one request each, sent by one
         * thread that the bulk producer's back-pressure holds back; returns the seconds they took.
         */
        private double submitAtTheLimit(CamelContext context, int perMinute) throws Exception {
            int requests = SUBMIT_WINDOWS * LIMIT_PER_WINDOW;
            int from = scale.pendingJobs() * CONTACTS_PER_REQUEST;
            List<CompletableFuture<Object>> answers = new ArrayList<>(requests);
            long start = System.nanoTime();
            try (ProducerTemplate template = context.createProducerTemplate()) {
                for (int r = 0; r < requests; r++) {
                    answers.add(template.asyncRequestBody("deepenrich:bulk",
                            SyntheticContacts.apiShaped(from + r * CONTACTS_PER_REQUEST, CONTACTS_PER_REQUEST)));
                }
                for (CompletableFuture<Object> answer : answers) {
                    SubmissionReceipt receipt = (SubmissionReceipt) answer.get();
                    // the receipts are collected in order: the last one tells when the whole stream was accepted
                    receipt.getEnrichmentIds().forEach(id -> acknowledgedAt.putIfAbsent(id, System.nanoTime()));
                }
            }
            return (System.nanoTime() - start) / 1e9;
        }

        private Map<String, String> figures(SimulatorStats stats, int perMinute, long submitted, double submitSeconds,
                                            int expected) {
            long reads = stats.requests(GET_RESULT);
            double[] delays = emittedAt.entrySet().stream()
                    .filter(e -> acknowledgedAt.containsKey(e.getKey()))
                    .mapToDouble(e -> (e.getValue() - acknowledgedAt.get(e.getKey()) - jobLatency.toNanos()) / 1e9)
                    .toArray();
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("jobs (pending + new)", Stats.integer(scale.pendingJobs()) + " + " + Stats.integer(submitted));
            figures.put("results emitted", Stats.integer(emittedAt.size()));
            figures.put("GETs", Stats.integer(reads));
            figures.put("GETs per result", Stats.decimal((double) reads / Math.max(1, emittedAt.size())));
            figures.put("new submissions, % of limit", Stats.integer(100 * submitted / submitSeconds
                                                                     / (perMinute / 60.0))
                                                       + "%");
            figures.put("finished -> emitted p50 s",
                    Stats.decimal(delays.length == 0 ? 0 : Stats.percentile(delays, 50)));
            figures.put("p95 s", Stats.decimal(delays.length == 0 ? 0 : Stats.percentile(delays, 95)));
            figures.put("max s", Stats.decimal(delays.length == 0 ? 0 : Stats.percentile(delays, 100)));
            figures.put("429s", Stats.integer(stats.rateLimited429()));
            figures.put("missing", Stats.integer(expected - emittedAt.size()));
            figures.put("emitted twice", Stats.integer(emissions.sum() - emittedAt.size()));
            return figures;
        }
    }
}
