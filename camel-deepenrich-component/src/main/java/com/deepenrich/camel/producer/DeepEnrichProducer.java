package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.callback.CallbackUrl;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.deepenrich.camel.util.DeepEnrichMessageHelper;
import com.deepenrich.camel.util.ReplayGuards;
import com.deepenrich.camel.util.StoredResults;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.InvokeOnHeader;
import org.apache.camel.support.HeaderSelectorProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bulk}, {@code getResult}, {@code getCredits} and {@code verifyKey} operations; header
 * {@code CamelDeepEnrichOperation} overrides the endpoint's. Every operation is asynchronous: the exchange continues
 * on the HTTP client's completion, no Camel thread waits.
 */
public class DeepEnrichProducer extends HeaderSelectorProducer {

    /** Exchange property: the requests of the exchange the API accepted, enrichment id by request fingerprint. */
    public static final String ACCEPTED_REQUESTS = "CamelDeepEnrichAcceptedRequests";

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichProducer.class);

    private final DeepEnrichEndpoint endpoint;
    private final AtomicBoolean unansweredGuardLogged = new AtomicBoolean();
    private volatile boolean resultsRouteSeen;
    private volatile long resultsRouteSeenAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

    public DeepEnrichProducer(DeepEnrichEndpoint endpoint) {
        super(endpoint, DeepEnrichConstants.OPERATION, () -> endpoint.getConfiguration().getOperation().name());
        this.endpoint = endpoint;
        // usable when created and started by hand, not only when Camel injects the context
        setCamelContext(endpoint.getCamelContext());
    }

    /**
     * Validates the batch, decides which contacts need a request (deduplicated or reused ones do not), submits those
     * and records each request, then answers: the receipt, or with {@code awaitResult} the merged result.
     */
    @InvokeOnHeader("bulk")
    public void bulk(Exchange exchange, AsyncCallback callback) {
        DeepEnrichConfiguration cfg = endpoint.getConfiguration();
        Message in = exchange.getMessage();
        String name = requestName(exchange, cfg);
        PendingBatches.Admission admission = admit(exchange);
        CompletableFuture<ReceiptAndResult> flow;
        try {
            PreparedBatch batch = PreparedBatch.prepare(in, cfg.enrichFieldList(), cfg.getInvalidContacts(), name);
            BulkSubmission submission = new BulkSubmission(endpoint.getClient(), endpoint.getLedger(),
                    Duration.ofMillis(cfg.getFingerprintWindow()), acceptedRequests(exchange),
                    endpoint.getAccountCredits());
            PersonGuard guard = personGuard(exchange, cfg);
            PersonGuard.Split split = submission.isReplay(batch) ? guard.unguarded(batch) : guard.split(batch, name);
            CompletableFuture<SubmissionReceipt> submitted = submission
                    .submit(split, guard, name, webhookUrl(exchange, cfg, name),
                            Duration.ofMillis(cfg.getReuseResultsWithin()))
                    .handle((receipt, failure) -> {
                        admission.release();
                        if (failure != null) {
                            throw new CompletionException(guard.failed(
                                    DeepEnrichException.of(Futures.unwrap(failure), name)));
                        }
                        guard.submitted();
                        endpoint.getComponent().peopleWatch(endpoint.getLedger()).unheld(split.unheld());
                        return receipt.withDeduplicated(split.deduplicated().size())
                                .withReused(split.reused().size());
                    });
            flow = cfg.isAwaitResult()
                    ? submitted.thenCompose(receipt -> awaitAll(receipt, split, acceptedRequests(exchange), cfg))
                    : submitted.thenCompose(receipt -> ReusedContacts.emit(endpoint, split, receipt)
                            .thenApply(none -> new ReceiptAndResult(receipt, null)));
        } catch (RuntimeException refused) { // an invalid contact, an unreadable body, a ledger that cannot answer
            admission.release();
            if (refused instanceof DeepEnrichValidationException validation) {
                endpoint.getMetrics().contactsRejected(validation.getRejections().size());
            }
            flow = CompletableFuture.failedFuture(refused);
        }
        complete(flow, exchange, callback, (message, outcome) -> answer(message, name, outcome));
    }

    /** The person guard of this exchange: how far it reaches depends on who can answer the people it holds. */
    private PersonGuard personGuard(Exchange exchange, DeepEnrichConfiguration cfg) {
        DeepEnrichLedger ledger = endpoint.getLedger();
        PersonGuard.Scope scope;
        if (!cfg.isDeduplicatePeople()) {
            scope = PersonGuard.Scope.OFF;
        } else if (cfg.isAwaitResult()) {
            scope = PersonGuard.Scope.WITHIN_EXCHANGE;
        } else if (ledger.isShared() || resultsRouteHere(ledger)) {
            scope = PersonGuard.Scope.ACROSS_EXCHANGES;
        } else {
            scope = PersonGuard.Scope.OFF;
            if (unansweredGuardLogged.compareAndSet(false, true)) {
                LOG.info("{}: deduplicatePeople sends every contact here: no results consumer of this ledger runs in "
                         + "this application and the ledger is not shared, so nothing here could answer a person's "
                         + "repeats. Run the results route in this application, or share a JDBC ledger with the one "
                         + "that runs it, to send each person once",
                        endpoint.getReadableName());
            }
        }
        return new PersonGuard(ledger.people(), scope, cfg.getIdentityField(),
                Duration.ofMillis(cfg.getPersonHoldTimeout()), ReusedContacts.window(cfg, endpoint), exchange);
    }

    /** Whether a results route of the ledger is defined here, as last seen (looked at most once a second). */
    private boolean resultsRouteHere(DeepEnrichLedger ledger) {
        long now = System.nanoTime();
        if (now - resultsRouteSeenAt > TimeUnit.SECONDS.toNanos(1)) {
            resultsRouteSeen = endpoint.getComponent().hasResultsRoute(ledger);
            resultsRouteSeenAt = now;
        }
        return resultsRouteSeen;
    }

    private void answer(Message message, String name, ReceiptAndResult outcome) {
        SubmissionReceipt receipt = outcome.receipt();
        endpoint.getMetrics().contactsSubmitted(receipt.getSubmitted());
        endpoint.getMetrics().contactsNotSent(receipt.getDeduplicated(), receipt.getReused(),
                receipt.getRequestsAvoided());
        endpoint.getMetrics().contactsRejected(receipt.getRejections().size());
        if (outcome.result() != null) {
            DeepEnrichMessageHelper.setResult(message, outcome.result());
        } else {
            message.setBody(receipt);
        }
        List<String> ids = receipt.getEnrichmentIds();
        message.setHeader(DeepEnrichConstants.ENRICHMENT_IDS, ids);
        message.setHeader(DeepEnrichConstants.ENRICHMENT_ID, ids.isEmpty() ? null : ids.get(0));
        message.setHeader(DeepEnrichConstants.NAME, name);
        CreditsTotals credits = endpoint.getAccountCredits().totals();
        message.setHeader(DeepEnrichConstants.CREDITS_RESERVED, credits.reserved());
        message.setHeader(DeepEnrichConstants.CREDITS_SPENT, credits.spent());
        message.setHeader(DeepEnrichConstants.DEDUPLICATED, receipt.getDeduplicated());
        message.setHeader(DeepEnrichConstants.REUSED, receipt.getReused());
        if (!receipt.getRejections().isEmpty()) {
            message.setHeader(DeepEnrichConstants.REJECTED, receipt.getRejections());
        }
    }

    /**
     * The exchange's room among the component's pending batches: taken by DeepEnrichAggregationStrategy when it
     * completed the group, else taken here, the caller waiting for room on its first attempt (a redelivery was
     * admitted once and is not held back again).
     */
    private PendingBatches.Admission admit(Exchange exchange) {
        Object given = exchange.getProperty(PendingBatches.ADMISSION);
        if (given instanceof PendingBatches.Admission admission && !admission.isReleased()) {
            return admission;
        }
        PendingBatches.Admission admission = endpoint.getComponent().pendingBatches()
                .admit(given == null);
        exchange.setProperty(PendingBatches.ADMISSION, admission);
        return admission;
    }

    /**
     * The requests of this exchange the API accepted, enrichment id by request fingerprint, kept in the exchange so
     * that a Camel redelivery sends only what was not accepted and waits again for the ids it already has.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> acceptedRequests(Exchange exchange) {
        return (Map<String, String>) exchange.getProperties().computeIfAbsent(ACCEPTED_REQUESTS,
                k -> new ConcurrentHashMap<String, String>());
    }

    @InvokeOnHeader("getResult")
    public void getResult(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        String id = in.getHeader(DeepEnrichConstants.ENRICHMENT_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    "getResult needs the enrichment id in header " + DeepEnrichConstants.ENRICHMENT_ID);
        }
        boolean force = in.getHeader(DeepEnrichConstants.FORCE_RESULTS,
                endpoint.getConfiguration().isForceResults(), Boolean.class);
        complete(endpoint.getClient().getResult(id, force).thenApply(result -> {
            ReplayGuards.forgetAll(endpoint.getLedger(), result);
            return result;
        }), exchange, callback, DeepEnrichMessageHelper::setResult);
    }

    @InvokeOnHeader("getCredits")
    public void getCredits(Exchange exchange, AsyncCallback callback) {
        complete(endpoint.getClient().getCredits(), exchange, callback, Message::setBody);
    }

    @InvokeOnHeader("verifyKey")
    public void verifyKey(Exchange exchange, AsyncCallback callback) {
        complete(endpoint.getClient().verifyKey(), exchange, callback, Message::setBody);
    }

    @InvokeOnHeader("results")
    public void results(Exchange exchange, AsyncCallback callback) {
        throw new IllegalArgumentException("results is a consumer operation: use from(\"deepenrich:results\") or "
                                           + "from(\"webhook:deepenrich:results\")");
    }

    /**
     * Waits for the exchange's enrichments; the body answers every contact in input order. An enrichment that ended
     * unenriched is forgotten by every replay guard (this exchange's accepted requests too), so that sending its
     * contacts again sends them.
     */
    private CompletableFuture<ReceiptAndResult> awaitAll(SubmissionReceipt receipt, PersonGuard.Split split,
                                                         Map<String, String> accepted, DeepEnrichConfiguration cfg) {
        ResultAwaiter awaiter = new ResultAwaiter(endpoint.getClient(), endpoint.getScheduler(),
                cfg.getAwaitPollInterval(), cfg.getAwaitTimeout());
        DeepEnrichLedger ledger = endpoint.getLedger();
        return awaiter.await(receipt.getEnrichmentIds(), receipt.getName()).thenApply(results -> {
            for (EnrichmentResult result : results) {
                String requestKey = ReplayGuards.requestKey(ledger, result).orElse(null);
                ReplayGuards.forgetAll(ledger, result);
                if (ReplayGuards.endedUnenriched(result)) {
                    accepted.values().removeIf(result.getId()::equals);
                }
                ledger.complete(result.getId());
                endpoint.resultEmitted(result, requestKey);
            }
            if (cfg.getReuseResultsWithin() > 0) {
                StoredResults.keepSent(ledger.people(), results, split.toSend().contacts(), split.identities(),
                        BulkRequest.MAX_CONTACTS, Duration.ofMillis(cfg.getReuseResultsWithin()), Instant.now());
            }
            EnrichmentResult merged = DeduplicatedContacts.merge(split, results);
            endpoint.getMetrics().deduplicatedAnswered(merged);
            return new ReceiptAndResult(receipt, merged);
        });
    }

    /** What bulk answers: the receipt, and the merged result when awaitResult is on. */
    private record ReceiptAndResult(SubmissionReceipt receipt, EnrichmentResult result) {
    }

    private static <T> void complete(CompletableFuture<T> flow, Exchange exchange, AsyncCallback callback,
                                     BiConsumer<Message, T> onSuccess) {
        flow.whenComplete((value, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(Futures.unwrap(failure));
                } else {
                    onSuccess.accept(exchange.getMessage(), value);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
    }

    private static String requestName(Exchange exchange, DeepEnrichConfiguration cfg) {
        String name = exchange.getMessage().getHeader(DeepEnrichConstants.NAME, cfg.getName(), String.class);
        if (name != null && !name.isBlank()) {
            return name;
        }
        String route = exchange.getFromRouteId() != null ? exchange.getFromRouteId() : "camel";
        return route + " " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The callback URL (a header's only when its origin is trusted) with the callback token appended. */
    private static String webhookUrl(Exchange exchange, DeepEnrichConfiguration cfg, String name) {
        return CallbackUrl.forRequest(exchange.getMessage().getHeader(DeepEnrichConstants.CALLBACK_URL, String.class),
                cfg, name);
    }
}
