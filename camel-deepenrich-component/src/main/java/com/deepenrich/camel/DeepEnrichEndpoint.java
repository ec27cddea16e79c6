package com.deepenrich.camel;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.client.ClientSettings;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.RetryPolicy;
import com.deepenrich.camel.consumer.DeepEnrichResultsConsumer;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.OverdueRequests;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.ledger.PeopleWatch;
import com.deepenrich.camel.metrics.DeepEnrichMetrics;
import com.deepenrich.camel.metrics.Meters;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.producer.DeepEnrichProducer;
import com.deepenrich.camel.webhook.DeepEnrichWebhookHandler;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrich contacts (emails, phones) in bulk with DeepEnrich: submit contacts, read results, and receive finished
 * enrichments by polling or by webhook.
 */
@ManagedResource(description = "DeepEnrich endpoint: what it sent, what the API answered, what is pending")
@UriEndpoint(firstVersion = "0.1.0", scheme = "deepenrich", title = "DeepEnrich", syntax = "deepenrich:operation",
        category = {Category.CLOUD, Category.API}, headersClass = DeepEnrichConstants.class)
public class DeepEnrichEndpoint extends ScheduledPollEndpoint
        implements WebhookCapableEndpoint, EndpointServiceLocation {

    static final long DEFAULT_DELAY = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichEndpoint.class);

    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_DELAY, javaType = "java.time.Duration",
            description = "Milliseconds between two polls of the pending enrichments (in webhook mode: between two "
                          + "looks for late ones). Each read counts against requestsPerMinute.")
    private long delay = DEFAULT_DELAY;

    @UriParam
    private DeepEnrichConfiguration configuration;

    private WebhookConfiguration webhookConfiguration;
    private DeepEnrichClient client;
    private AccountCredits accountCredits;
    private OverdueRequests overdueRequests;
    private final DeepEnrichMetrics metrics = new DeepEnrichMetrics();
    private volatile AutoCloseable meters = () -> {};

    public DeepEnrichEndpoint(String uri, DeepEnrichComponent component, DeepEnrichConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        // the scheduled poll default (500 ms) would spend the account's whole rate limit on reading pending ids
        setDelay(DEFAULT_DELAY);
    }

    @Override
    public DeepEnrichComponent getComponent() {
        return (DeepEnrichComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new DeepEnrichProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getOperation() != DeepEnrichOperation.results) {
            throw new IllegalArgumentException("deepenrich:" + configuration.getOperation()
                                               + " is a producer operation; consume from deepenrich:results");
        }
        return createResultsConsumer(processor, pending -> true, Duration.ofMillis(configuration.getFirstReadAfter()));
    }

    /**
     * A poll consumer of the pending enrichments {@code select} accepts, each read as soon as selected (the webhook's
     * poll fallback takes late ones).
     */
    public ScheduledPollConsumer createResultsConsumer(Processor processor, Predicate<PendingEnrichment> select)
            throws Exception {
        return createResultsConsumer(processor, select, Duration.ZERO);
    }

    private DeepEnrichResultsConsumer createResultsConsumer(Processor processor, Predicate<PendingEnrichment> select,
                                                            Duration firstRead)
            throws Exception {
        DeepEnrichResultsConsumer consumer = new DeepEnrichResultsConsumer(this, processor, select, firstRead);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Processor createWebhookHandler(Processor next) {
        WebhookPathCheck.onStart(this);
        return new DeepEnrichWebhookHandler(this, next);
    }

    /** The callback URL travels with each bulk request (webhook_url): there is nothing to register. */
    @Override
    public void registerWebhook() {
        // nothing to do: DeepEnrich takes the callback URL per request
    }

    @Override
    public void unregisterWebhook() {
        // nothing to do: DeepEnrich takes the callback URL per request
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return URI.create(configuration.getBaseUrl()).getScheme();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
            throw new IllegalArgumentException("The DeepEnrich apiKey option is required (endpoint " + getEndpointUri()
                                               + "; set camel.component.deepenrich.api-key or ?apiKey=)");
        }
        RetryPolicy retry = new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryDelay(),
                configuration.getMaxRetryDelay());
        // user beans (a JdbcDeepEnrichLedger, a JdbcMessageIdRepository) create their tables on start
        ServiceHelper.startService(getLedger(), getIdempotentRepository());
        ClientSettings settings = new ClientSettings(URI.create(configuration.getBaseUrl()), configuration.getApiKey(),
                Duration.ofMillis(configuration.getRequestTimeout()), retry,
                configuration.isRetryInDoubtSubmissions());
        accountCredits = getComponent().accountCredits(configuration, getLedger());
        overdueRequests = new OverdueRequests(getLedger(), Duration.ofMillis(configuration.getInDoubtTimeout()),
                overdue -> accountCredits.cancel(overdue.requestKey()));
        PeopleWatch people = getComponent().peopleWatch(getLedger());
        if (configuration.getOperation() == DeepEnrichOperation.bulk) {
            people.holdsFor(Duration.ofMillis(configuration.getPersonHoldTimeout()));
        }
        client = new DeepEnrichClient(getComponent().httpClient(configuration),
                getComponent().senders(), settings,
                getComponent().rateLimiter(configuration), getComponent().scheduler(), metrics);
        if (configuration.isVerifyKeyOnStartup()) {
            ApiKeyCheck.onStart(this, client);
        }
        if (configuration.getOperation() != DeepEnrichOperation.results) {
            getComponent().registerHealthCheck(configuration, client, accountCredits, overdueRequests,
                    getComponent().peopleWatch(getLedger()));
        }
        getComponent().endpointStarted(this); // first: drops the meters of an evicted endpoint of the same URI
        meters = Meters.bind(getCamelContext(), this);
        LOG.info("{}: {}", getReadableName(), EffectiveOptions.describe(this));
    }

    @Override
    protected void doStop() throws Exception {
        unbindMeters();
        client = null;
        super.doStop();
    }

    /** Removes this endpoint's meters from the registry (again: nothing happens). */
    void unbindMeters() {
        try {
            meters.close();
        } catch (Exception e) {
            LOG.warn("{}: could not remove its meters: {}", getReadableName(), e.getMessage());
        }
    }

    /** The endpoint URI without its secrets (API key, callback token, proxy credentials): for logs, metrics, checks. */
    public String getReadableName() {
        return EndpointNames.withoutSecrets(getEndpointUri());
    }

    /** The credits of this endpoint's account, resolved when it starts: 402 memory and creditsBudget reservations. */
    public AccountCredits getAccountCredits() {
        return accountCredits;
    }

    /**
     * A final result of the request of {@code requestKey} (null: unknown) reached the route: its credits are counted
     * and settle the request's reservation.
     */
    public void resultEmitted(EnrichmentResult result, String requestKey) {
        metrics.creditsSpent(result.getCredits());
        metrics.deduplicatedAnswered(result);
        if (requestKey != null) {
            getAccountCredits().settle(requestKey, result.getCredits());
        }
    }

    /** The counters of this endpoint, fed by its client, producer and consumers. */
    public DeepEnrichMetrics getMetrics() {
        return metrics;
    }

    @ManagedAttribute(description = "Enrichments submitted and not yet emitted, in the ledger this endpoint uses")
    public int getPendingEnrichments() {
        return getLedger().pending().size();
    }

    /** The requests of this endpoint's ledger in doubt, and those in doubt past inDoubtTimeout (reported once). */
    public OverdueRequests getOverdueRequests() {
        return overdueRequests;
    }

    @ManagedAttribute(description = "Requests written to the API without an answer and not matched by a result yet, in "
                                    + "the ledger this endpoint uses")
    public int getRequestsInDoubt() {
        return overdueRequests.inDoubt();
    }

    @ManagedAttribute(
            description = "Requests in doubt for longer than inDoubtTimeout, in the ledger this endpoint uses")
    public int getRequestsInDoubtOverdue() {
        return overdueRequests.overdue().size();
    }

    @ManagedAttribute(description = "People held by requests in flight, in the people store of this endpoint's ledger")
    public long getPeopleHeld() {
        return getComponent().peopleWatch(getLedger()).counts().held();
    }

    @ManagedAttribute(description = "Contacts waiting for their person's result, in this endpoint's ledger")
    public long getContactsWaitingForTheirPerson() {
        return getComponent().peopleWatch(getLedger()).counts().waiting();
    }

    @ManagedAttribute(description = "Contacts that waited longer than personHoldTimeout for a person nobody answered "
                                    + "(reported in the log, not sent), in this endpoint's ledger")
    public long getContactsUnanswered() {
        return getComponent().peopleWatch(getLedger()).getUnanswered();
    }

    @ManagedAttribute(description = "People sent without a hold because the people store of this endpoint's ledger was "
                                    + "full")
    public long getPeopleSentWithoutHold() {
        return getComponent().peopleWatch(getLedger()).getUnheld();
    }

    @ManagedAttribute(description = "Batches the component holds while the API has not answered them (all endpoints)")
    public int getPendingBatches() {
        return getComponent().pendingBatches().getPending();
    }

    @ManagedAttribute(description = "HTTP requests sent to the API, retries included")
    public long getRequestsSent() {
        return metrics.getRequestsSent();
    }

    @ManagedAttribute(description = "Requests the API answered 429 (rate limited)")
    public long getRateLimitedResponses() {
        return metrics.getRateLimited();
    }

    @ManagedAttribute(description = "Requests sent again after a 429, a 5xx or no connection")
    public long getRetries() {
        return metrics.getRetries();
    }

    @ManagedAttribute(description = "Contacts the API accepted in bulk requests")
    public long getContactsSubmitted() {
        return metrics.getContactsSubmitted();
    }

    @ManagedAttribute(description = "Contacts refused before sending (validation)")
    public long getContactsRejected() {
        return metrics.getContactsRejected();
    }

    @ManagedAttribute(description = "Contacts not sent because their person was being enriched already")
    public long getContactsDeduplicated() {
        return metrics.getContactsDeduplicated();
    }

    @ManagedAttribute(description = "Contacts not sent because their person's stored result was reused")
    public long getContactsReused() {
        return metrics.getContactsReused();
    }

    @ManagedAttribute(description = "Requests the deduplicated and reused contacts would have taken")
    public long getRequestsAvoided() {
        return metrics.getRequestsAvoided();
    }

    @ManagedAttribute(description = "Credits the answers of deduplicated and reused contacts would have cost if sent")
    public long getCreditsAvoided() {
        return metrics.getCreditsAvoided();
    }

    @ManagedAttribute(description = "Credits of the finished enrichments this endpoint emitted or awaited")
    public long getCreditsSpent() {
        return metrics.getCreditsSpent();
    }

    public DeepEnrichConfiguration getConfiguration() {
        return configuration;
    }

    public DeepEnrichClient getClient() {
        return client;
    }

    /** The configured ledger, or the component's shared in-memory one. */
    public DeepEnrichLedger getLedger() {
        return configuration.getLedger() != null ? configuration.getLedger() : getComponent().defaultLedger();
    }

    /** The configured idempotent repository, or the component's shared in-memory one. */
    public IdempotentRepository getIdempotentRepository() {
        return configuration.getIdempotentRepository() != null
                ? configuration.getIdempotentRepository() : getComponent().defaultIdempotentRepository();
    }

    public ScheduledExecutorService getScheduler() {
        return getComponent().scheduler();
    }

    /** Milliseconds between two polls of the pending enrichments. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }
}
