package com.deepenrich.camel.examples.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful local DeepEnrich API on 127.0.0.1, for demos, benchmarks and end-to-end tests.
 *
 * <pre>{@code
 * try (DeepEnrichSimulator sim = DeepEnrichSimulator.start(SimulatorConfig.builder().build())) {
 *     String base = sim.baseUrl(); // http://127.0.0.1:<port>/api/v1
 * }
 * }</pre>
 */
public final class DeepEnrichSimulator implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichSimulator.class);
    private static final String BASE_PATH = "/api/v1";
    private static final int HTTP_THREADS = 16;
    private static final int SCHEDULER_THREADS = 2;
    private static final int BACKLOG = 1024;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK (~40 ms a request). Read once, when the first JDK HttpServer of the JVM starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService scheduler;
    private final CreditAccount account;
    private final SimulatorStats stats;
    private final JobProcessor processor;

    private DeepEnrichSimulator(SimulatorConfig config) throws IOException {
        this.account = new CreditAccount(config.credits());
        this.stats = new SimulatorStats();
        this.scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, daemonThreads("deepenrich-sim-scheduler"));
        this.httpExecutor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("deepenrich-sim-http"));
        FaultInjector faults = new FaultInjector(config);
        FakeEnricher enricher = new FakeEnricher();
        ContactHistory history = new ContactHistory();
        ResultRenderer renderer = new ResultRenderer(enricher);
        HttpClient webhookClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        WebhookDispatcher webhooks = new WebhookDispatcher(webhookClient, scheduler, config, faults, stats);
        this.processor = new JobProcessor(new JobStore(),
                new Billing(account, enricher, history, stats, config.freeReenrichment()),
                renderer, webhooks, scheduler, config.processingLatency());
        Router router = new Router(BASE_PATH, List.of(
                new Router.Route("POST", "/contact/enrich/bulk", new SubmitBulkEndpoint(processor, history, stats)),
                new Router.Route("GET", "/contact/enrich/bulk/{id}",
                        new GetBulkEndpoint(processor, renderer, config.inProgressAs400())),
                new Router.Route("GET", "/account/credits", new CreditsEndpoint(account)),
                new Router.Route("GET", "/account/keys/verify", new VerifyKeyEndpoint())));
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port());
        this.server = HttpServer.create(loopback, BACKLOG);
        server.createContext("/", new ApiHandler(router, new Authenticator(config.apiKeys()),
                new RateLimiter(config.requestsPerMinute(), config.rateWindow()), faults, stats,
                config.responseLatency()));
        server.createContext(StatsHandler.PATH, new StatsHandler(stats));
        server.setExecutor(httpExecutor);
        server.start();
        LOG.info("DeepEnrich simulator listening on {}", baseUrl());
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DeepEnrichSimulator start(SimulatorConfig config) {
        try {
            return new DeepEnrichSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the DeepEnrich simulator on port " + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + BASE_PATH;
    }

    /** The bound port (the ephemeral one when configured with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The current credit balance. */
    public long credits() {
        return account.balance();
    }

    public void setCredits(long credits) {
        account.setBalance(credits);
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** A view of one enrichment (settled first if its time has come), empty for an unknown id. */
    public Optional<JobView> job(String id) {
        return processor.find(id).map(job -> job.view(System.nanoTime()));
    }

    /** {@code http://127.0.0.1:<port>/_sim/stats}: the counts of {@link #stats()} as JSON, while it runs. */
    public String statsUrl() {
        return "http://127.0.0.1:" + port() + StatsHandler.PATH;
    }

    /** Stops the server at once; pending webhook retries are dropped. */
    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
        LOG.info("DeepEnrich simulator stopped: {}", stats);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
