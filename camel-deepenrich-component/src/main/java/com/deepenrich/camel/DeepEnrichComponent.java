package com.deepenrich.camel;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.RateLimiter;
import com.deepenrich.camel.health.DeepEnrichHealthCheck;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.producer.PendingBatches;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code deepenrich:} component. It owns what its endpoints share: the pooled HTTP clients, the scheduler of
 * retries and polls, one rate limiter per API key and base URL, and the default in-memory ledger.
 */
@Component("deepenrich")
public class DeepEnrichComponent extends HealthCheckComponent {

    /** Requests in flight at once per component, whatever the rate limit allows (each holds a connection). */
    static final int SENDERS = 10;

    /** How long a stop waits for the batches already handed over to be answered. */
    static final long STOP_DRAIN_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichComponent.class);

    @Metadata(description = "Shared configuration: every endpoint starts from a copy of it.")
    private DeepEnrichConfiguration configuration = new DeepEnrichConfiguration();

    @Metadata(label = "producer", defaultValue = "4",
              description = "Back-pressure: how many batches (groups completed by DeepEnrichAggregationStrategy, or "
                            + "bulk exchanges) the component holds at most while the API has not answered them, all "
                            + "endpoints together. The thread that brings one more (the source's own thread) waits "
                            + "until the API answers one, so memory stays bounded whatever the source size and the "
                            + "rate limit. 0 disables the bound.")
    private int maxPendingBatches = 4;

    private final Map<String, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<Long, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<String, DeepEnrichHealthCheck> healthChecks = new ConcurrentHashMap<>();
    private final DeepEnrichLedger defaultLedger = new InMemoryDeepEnrichLedger();
    private final IdempotentRepository defaultIdempotentRepository =
            MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
    private ScheduledExecutorService scheduler;
    private ExecutorService httpExecutor;
    private ExecutorService senders;
    private volatile PendingBatches pendingBatches = new PendingBatches(0);

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DeepEnrichConfiguration cfg = configuration.copy();
        DeepEnrichEndpoint endpoint = new DeepEnrichEndpoint(uri, this, cfg);
        cfg.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(DeepEnrichOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ServiceHelper.startService(defaultIdempotentRepository);
        scheduler = getCamelContext().getExecutorServiceManager().newScheduledThreadPool(this, "DeepEnrichScheduler", 2);
        httpExecutor = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "DeepEnrichHttp");
        ThreadPoolProfile sending = new ThreadPoolProfile("DeepEnrichSend");
        sending.setPoolSize(SENDERS);
        sending.setMaxPoolSize(SENDERS);
        sending.setMaxQueueSize(-1);
        senders = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DeepEnrichSend", sending);
        pendingBatches = new PendingBatches(maxPendingBatches);
    }

    @Override
    protected void doStop() throws Exception {
        pendingBatches.close();
        // batches the routes handed over while stopping (forceCompletionOnStop) are sent before the senders go
        if (!pendingBatches.awaitNonePending(STOP_DRAIN_MILLIS)) {
            LOG.warn("Stopping with {} batches not answered by DeepEnrich after {} ms: their contacts were not sent",
                    pendingBatches.getPending(), STOP_DRAIN_MILLIS);
        }
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            healthChecks.values().forEach(registry::unregister);
        }
        healthChecks.clear();
        httpClients.clear();
        rateLimiters.clear();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (senders != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(senders);
            senders = null;
        }
        if (httpExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(httpExecutor);
            httpExecutor = null;
        }
        ServiceHelper.stopService(defaultIdempotentRepository);
        super.doStop();
    }

    /** One limiter per account and limit: the API's limit is per account, whatever endpoint sends. */
    RateLimiter rateLimiter(DeepEnrichConfiguration cfg) {
        String key = cfg.getBaseUrl() + "|" + cfg.getApiKey() + "|" + cfg.getRequestsPerMinute();
        return rateLimiters.computeIfAbsent(key, k -> new RateLimiter(cfg.getRequestsPerMinute(), scheduler));
    }

    /** One readiness check per account (base URL and key), registered when its first endpoint starts. */
    void registerHealthCheck(DeepEnrichConfiguration cfg, DeepEnrichClient client) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry == null || !(isHealthCheckProducerEnabled() || isHealthCheckConsumerEnabled())) {
            return;
        }
        String id = "deepenrich-" + Integer.toHexString((cfg.getBaseUrl() + "|" + cfg.getApiKey()).hashCode());
        healthChecks.computeIfAbsent(id, k -> {
            DeepEnrichHealthCheck check = new DeepEnrichHealthCheck(k, client);
            registry.register(check);
            return check;
        });
    }

    HttpClient httpClient(long connectTimeoutMillis) {
        return httpClients.computeIfAbsent(connectTimeoutMillis, t -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(t))
                .executor(httpExecutor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** The threads that run the HTTP exchanges: at most this many requests (and connections) at once. */
    ExecutorService senders() {
        return senders;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    DeepEnrichLedger defaultLedger() {
        return defaultLedger;
    }

    IdempotentRepository defaultIdempotentRepository() {
        return defaultIdempotentRepository;
    }

    /** The back-pressure gate of every {@code bulk} endpoint and {@link DeepEnrichAggregationStrategy} of this component. */
    public PendingBatches pendingBatches() {
        return pendingBatches;
    }

    public int getMaxPendingBatches() {
        return maxPendingBatches;
    }

    /** How many batches the component holds at most while the API has not answered them; 0: no bound. */
    public void setMaxPendingBatches(int maxPendingBatches) {
        this.maxPendingBatches = maxPendingBatches;
    }

    public DeepEnrichConfiguration getConfiguration() {
        return configuration;
    }

    /** Shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(DeepEnrichConfiguration configuration) {
        this.configuration = configuration;
    }
}
