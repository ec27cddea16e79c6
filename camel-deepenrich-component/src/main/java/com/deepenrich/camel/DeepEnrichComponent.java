package com.deepenrich.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.HttpTransport;
import com.deepenrich.camel.client.RateLimiter;
import com.deepenrich.camel.health.DeepEnrichHealthCheck;
import com.deepenrich.camel.ledger.CreditsBook;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryCreditsBook;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.OverdueRequests;
import com.deepenrich.camel.ledger.PeopleWatch;
import com.deepenrich.camel.producer.PendingBatches;
import com.deepenrich.camel.util.LocalResultRoutes;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code deepenrich:} component. It owns what its endpoints share: the pooled HTTP clients, the scheduler of
 * retries and polls, one rate limiter per API key and base URL, and the default in-memory ledger.
 */
@Component("deepenrich")
public class DeepEnrichComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** How long a stop waits for the batches already handed over to be answered. */
    static final long STOP_DRAIN_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichComponent.class);
    private static final PropertyConfigurer OPTIONS = new CheckingComponentConfigurer();

    @Metadata(description = "Shared configuration: every endpoint starts from a copy of it.")
    private DeepEnrichConfiguration configuration = new DeepEnrichConfiguration();

    @Metadata(label = "producer", defaultValue = "4",
            description = "Back-pressure: how many batches (groups completed by DeepEnrichAggregationStrategy, or "
                          + "bulk exchanges) the component holds at most while the API has not answered them, all "
                          + "endpoints together. The thread that brings one more (the source's own thread) waits "
                          + "until the API answers one, so memory stays bounded whatever the source size and the "
                          + "rate limit. 0 disables the bound.")
    private int maxPendingBatches = 4;

    @Metadata(label = "advanced", defaultValue = "10",
            description = "How many requests the component has in flight at once, all endpoints together, whatever "
                          + "the rate limit allows; each holds a connection and a sender thread.")
    private int maxConcurrentRequests = 10;

    @Metadata(label = "security", defaultValue = "false",
            description = "Use the global SSLContextParameters of the Camel context when an endpoint sets none.")
    private boolean useGlobalSslContextParameters;

    private final Map<LimiterKey, RateLimiter> rateLimiters = new ConcurrentHashMap<>();
    private final Map<CreditsKey, AccountCredits> accountCredits = new ConcurrentHashMap<>();
    private final StartedEndpoints endpoints = new StartedEndpoints();
    private final Map<HttpTransport, HttpClient> httpClients = new ConcurrentHashMap<>();
    private final Map<String, DeepEnrichHealthCheck> healthChecks = new ConcurrentHashMap<>();
    private WritableHealthCheckRepository producerChecks;
    private final DeepEnrichLedger defaultLedger = new InMemoryDeepEnrichLedger();
    private final LocalResultRoutes localResultRoutes = new LocalResultRoutes();
    /** One per ledger in use; purged once a minute while the component runs (see {@link #peopleWatch}). */
    private final Map<DeepEnrichLedger, PeopleWatch> peopleWatches =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private ScheduledFuture<?> peoplePurge;
    private final CreditsBook defaultCreditsBook = new InMemoryCreditsBook();
    private final IdempotentRepository defaultIdempotentRepository =
            MemoryIdempotentRepository.memoryIdempotentRepository(100_000);
    /** Made on first use (see {@link #scheduler()}), dropped on stop; guarded by {@code this}. */
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;
    private PendingBatches pendingBatches;
    private boolean ownThreadsMarked;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OptionValues.checkNumbers(uri, parameters);
        OptionValues.inheritEmptySecrets(parameters);
        DeepEnrichConfiguration cfg = configuration.copy();
        DeepEnrichEndpoint endpoint = new DeepEnrichEndpoint(uri, this, cfg);
        cfg.setOperation(getCamelContext().getTypeConverter().mandatoryConvertTo(DeepEnrichOperation.class, remaining));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return OPTIONS;
    }

    /** An option the URI names and no endpoint has: refused, naming the option meant. */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        if (parameters != null && !parameters.isEmpty() && optionPrefix == null) {
            String unknown = parameters.keySet().stream().map(OptionNames.ENDPOINT::describeUnknown)
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Unknown option " + unknown); // Camel adds the URI
        }
        super.validateParameters(uri, parameters, optionPrefix);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OptionValues.positive("maxConcurrentRequests", maxConcurrentRequests);
        ServiceHelper.startService(defaultIdempotentRepository);
    }

    @Override
    protected void doStop() throws Exception {
        PendingBatches gate = pendingBatches();
        gate.close();
        // batches the routes handed over while stopping (forceCompletionOnStop) are sent before the senders go
        if (!gate.awaitNonePending(STOP_DRAIN_MILLIS)) {
            LOG.warn("Stopping with {} batches not answered by DeepEnrich after {} ms: their contacts were not sent",
                    gate.getPending(), STOP_DRAIN_MILLIS);
        }
        warnPendingInMemory();
        endpoints.clear();
        if (producerChecks != null) {
            healthChecks.values().forEach(producerChecks::removeHealthCheck);
        }
        healthChecks.clear();
        httpClients.clear();
        rateLimiters.clear();
        accountCredits.clear();
        dropSharedResources();
        ServiceHelper.stopService(defaultIdempotentRepository);
        super.doStop();
    }

    private synchronized void dropSharedResources() {
        peoplePurge = null;
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (senders != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(senders);
            senders = null;
        }
        pendingBatches = null;
        ownThreadsMarked = false;
    }

    /**
     * The threads Camel makes for this component's pools are marked as its own, which never wait for back-pressure
     * room (see {@link PendingBatches}): marked by a listener of Camel's thread factories, added before the first pool
     * is made after each start (Camel forgets its listeners when it stops).
     */
    private synchronized void markOwnThreads() {
        if (!ownThreadsMarked) {
            getCamelContext().getExecutorServiceManager().addThreadFactoryListener(
                    (source, factory) -> source == this ? PendingBatches.componentThreads(factory) : factory);
            ownThreadsMarked = true;
        }
    }

    /**
     * The credits of an account (base URL and key) under one budget and period: the 402 memory and the budget's
     * reservations, kept in the ledger's credits book (in this component's memory when the ledger keeps none).
     */
    AccountCredits accountCredits(DeepEnrichConfiguration cfg, DeepEnrichLedger ledger) {
        CreditsBook book = ledger.credits() == CreditsBook.NONE ? defaultCreditsBook : ledger.credits();
        return accountCredits.computeIfAbsent(
                new CreditsKey(cfg.getBaseUrl(), cfg.getApiKey(), cfg.getCreditsBudget(), cfg.getCreditsBudgetPeriod(),
                        book),
                k -> new AccountCredits(k.creditsBudget(), k.period(),
                        AccountCredits.accountOf(k.baseUrl(), k.apiKey()),
                        k.book()));
    }

    /** One limiter per account and limit: the API's limit is per account, whatever endpoint sends. */
    RateLimiter rateLimiter(DeepEnrichConfiguration cfg) {
        LimiterKey key = new LimiterKey(cfg.getBaseUrl(), cfg.getApiKey(), cfg.getRequestsPerMinute(),
                OptionValues.positive("rateLimitWindow", cfg.getRateLimitWindow()));
        return rateLimiters.computeIfAbsent(key,
                k -> new RateLimiter(k.requestsPerMinute(), k.rateLimitWindow(), scheduler()));
    }

    /**
     * One readiness check per account (base URL and key), in Camel's producers health-check repository when the
     * account's first producer endpoint starts: {@code camel.health.producersEnabled} and
     * {@code healthCheckProducerEnabled} govern it. Its id names the API host, never the key.
     */
    synchronized void registerHealthCheck(DeepEnrichConfiguration cfg, DeepEnrichClient client,
                                          AccountCredits credits, OverdueRequests overdue, PeopleWatch people) {
        String account = cfg.getBaseUrl() + "|" + cfg.getApiKey();
        if (healthChecks.containsKey(account)) {
            return;
        }
        if (producerChecks == null) {
            producerChecks = HealthCheckHelper.getHealthCheckRepository(getCamelContext(), "producers",
                    WritableHealthCheckRepository.class);
            if (producerChecks == null) {
                return;
            }
        }
        String id = "deepenrich-" + URI.create(cfg.getBaseUrl()).getHost();
        String unique = id;
        for (int n = 2; producerChecks.getCheck(unique).isPresent(); n++) {
            unique = id + "-" + n;
        }
        DeepEnrichHealthCheck check = new DeepEnrichHealthCheck(unique, client, credits, overdue, people);
        check.setEnabled(isHealthCheckProducerEnabled());
        producerChecks.addHealthCheck(check);
        healthChecks.put(account, check);
    }

    /** The endpoint's own client, or the one shared by the endpoints with the same transport settings. */
    HttpClient httpClient(DeepEnrichConfiguration cfg) throws Exception {
        if (cfg.getHttpClient() != null) {
            return cfg.getHttpClient();
        }
        HttpTransport transport = transport(cfg);
        HttpClient client = httpClients.get(transport);
        if (client == null) {
            client = transport.build(getCamelContext());
            HttpClient raced = httpClients.putIfAbsent(transport, client);
            client = raced != null ? raced : client;
        }
        return client;
    }

    HttpTransport transport(DeepEnrichConfiguration cfg) {
        SSLContextParameters ssl = cfg.getSslContextParameters() != null
                ? cfg.getSslContextParameters() : retrieveGlobalSslContextParameters();
        return new HttpTransport(cfg.getConnectTimeout(), ssl, cfg.getProxyHost(), cfg.getProxyPort(),
                cfg.getProxyUsername(), cfg.getProxyPassword());
    }

    /** The results consumers running, to emit results made without a request. */
    public LocalResultRoutes localResultRoutes() {
        return localResultRoutes;
    }

    /**
     * Whether a route of this Camel context consumes the results of {@code ledger} from this component (by polling or
     * by webhook, started or not yet): the people held in that ledger are answered once it runs.
     */
    public boolean hasResultsRoute(DeepEnrichLedger ledger) {
        for (Route route : getCamelContext().getRoutes()) {
            Endpoint from = route.getEndpoint();
            if (from instanceof DelegateEndpoint delegate) {
                from = delegate.getEndpoint();
            }
            if (from instanceof DeepEnrichEndpoint results && results.getComponent() == this
                && results.getConfiguration().getOperation() == DeepEnrichOperation.results
                && results.getLedger() == ledger) {
                return true;
            }
        }
        return false;
    }

    /**
     * The watch over {@code ledger}'s people store: made on first use, it purges the store once a minute from then
     * on, with or without traffic.
     */
    public PeopleWatch peopleWatch(DeepEnrichLedger ledger) {
        PeopleWatch watch = peopleWatches.computeIfAbsent(ledger, PeopleWatch::new);
        synchronized (this) {
            if (peoplePurge == null) {
                // soon: each run then comes back as often as the watches' hold timeouts need
                peoplePurge = scheduler().schedule(this::purgePeople, PeopleWatch.PURGE_AT_MOST_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        return watch;
    }

    /** Purges every watched people store, then comes back as often as the shortest hold timeout needs. */
    private void purgePeople() {
        Instant now = Instant.now();
        List<PeopleWatch> watches = List.copyOf(peopleWatches.values());
        for (PeopleWatch watch : watches) {
            try {
                watch.purge(now);
            } catch (RuntimeException e) {
                LOG.warn("The people store of a DeepEnrich ledger could not be purged: {}", e.getMessage());
            }
        }
        long next = watches.stream().mapToLong(w -> w.purgeEvery().toMillis()).min()
                .orElse(PeopleWatch.PURGE_EVERY.toMillis());
        synchronized (this) {
            if (peoplePurge != null) {
                peoplePurge = scheduler().schedule(this::purgePeople, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** An endpoint started: it counts among those this component keeps (see {@link StartedEndpoints}). */
    void endpointStarted(DeepEnrichEndpoint endpoint) {
        endpoints.started(endpoint, getCamelContext());
    }

    /**
     * Results an in-memory ledger still waits for are gone with this JVM: say so, naming the endpoints using it. Only
     * the in-memory ledger itself loses them: a ledger built on it (the file ledger) keeps them.
     */
    private void warnPendingInMemory() {
        Map<DeepEnrichLedger, List<String>> endpointsByLedger = new IdentityHashMap<>();
        endpointsByLedger.put(defaultLedger, new ArrayList<>()); // this component's: whatever endpoints used it
        for (DeepEnrichEndpoint e : endpoints.all()) {
            if (e.getLedger().getClass() == InMemoryDeepEnrichLedger.class) {
                endpointsByLedger.computeIfAbsent(e.getLedger(), l -> new ArrayList<>()).add(e.getReadableName());
            }
        }
        endpointsByLedger.forEach((ledger, names) -> {
            int pending = ledger.pending().size();
            if (pending > 0) {
                LOG.warn("{} enrichments still pending in the in-memory ledger of {} are lost with this stop (their "
                         + "results will never be emitted): set the ledger option to a FileDeepEnrichLedger or a "
                         + "JdbcDeepEnrichLedger",
                        pending, names.isEmpty() ? "the deepenrich component" : String.join(", ", names));
            }
        });
    }

    /** The rate limiters in use, one per account and limit. */
    public Map<LimiterKey, RateLimiter> rateLimiters() {
        return Collections.unmodifiableMap(rateLimiters);
    }

    /** One account under one budget, counted in one book. */
    private record CreditsKey(String baseUrl, String apiKey, long creditsBudget, CreditsBudgetPeriod period,
                              CreditsBook book) {
    }

    /** What a rate limiter is shared by; its text names the base URL and the limit, never the key. */
    public record LimiterKey(String baseUrl, String apiKey, int requestsPerMinute, long rateLimitWindow) {

        @Override
        public String toString() {
            return baseUrl + " at " + requestsPerMinute + "/min"
                   + (rateLimitWindow == 60_000 ? "" : " over " + rateLimitWindow + " ms");
        }
    }

    /**
     * The threads that run the HTTP exchanges: at most this many requests (and connections) at once. Like every
     * resource the endpoints share, made on first use: Camel may start an endpoint (inside split, multicast, a Kamelet)
     * before this component's own start.
     */
    synchronized ExecutorService senders() {
        if (senders == null) {
            ThreadPoolProfile sending = new ThreadPoolProfile("DeepEnrichSend");
            sending.setPoolSize(OptionValues.positive("maxConcurrentRequests", maxConcurrentRequests));
            sending.setMaxPoolSize(maxConcurrentRequests);
            // waiting requests queue here; -1 would mean Camel's SynchronousQueue with caller-runs, where every
            // request past the pool ran on its caller's thread and the bound did not hold
            sending.setMaxQueueSize(Integer.MAX_VALUE);
            sending.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            markOwnThreads();
            senders = getCamelContext().getExecutorServiceManager().newThreadPool(this, "DeepEnrichSend", sending);
        }
        return senders;
    }

    /**
     * The scheduler of retries, polls and rate-limit turns; made on first use, as {@link #senders()}. Both refuse work
     * once stopped (Camel's default policy would drop it without a word, and its caller would wait forever).
     */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ThreadPoolProfile scheduling = new ThreadPoolProfile("DeepEnrichScheduler");
            scheduling.setPoolSize(2);
            scheduling.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            markOwnThreads();
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "DeepEnrichScheduler", scheduling);
        }
        return scheduler;
    }

    int endpointCount() {
        return endpoints.size();
    }

    DeepEnrichLedger defaultLedger() {
        return defaultLedger;
    }

    IdempotentRepository defaultIdempotentRepository() {
        return defaultIdempotentRepository;
    }

    /**
     * The back-pressure gate of every {@code bulk} endpoint and {@link DeepEnrichAggregationStrategy} of this
     * component; made on first use, as {@link #senders()}.
     */
    public synchronized PendingBatches pendingBatches() {
        if (pendingBatches == null) {
            pendingBatches = new PendingBatches(maxPendingBatches,
                    EventLoopThreads.vertx(getCamelContext().getClassResolver()));
        }
        return pendingBatches;
    }

    public int getMaxPendingBatches() {
        return maxPendingBatches;
    }

    /** How many batches the component holds at most while the API has not answered them; 0: no bound. */
    public void setMaxPendingBatches(int maxPendingBatches) {
        this.maxPendingBatches = maxPendingBatches;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** How many requests the component has in flight at once, all endpoints together. */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /** Use the Camel context's global SSLContextParameters when an endpoint sets none. */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public DeepEnrichConfiguration getConfiguration() {
        return configuration;
    }

    /** Shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(DeepEnrichConfiguration configuration) {
        this.configuration = configuration;
    }
}
