package com.deepenrich.camel.util;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.ForeignResultsPolicy;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InDoubtRequests;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.ledger.WireRecord;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.RequestNames;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits a final result into the route, whether it came by webhook or by polling. The ledger is the truth: a result
 * whose id the ledger still holds is emitted, even when its (enrichment id, status) key is already in the idempotent
 * repository; the repository only dedupes results whose id the ledger no longer holds. The key is added, and the id
 * removed from the ledger, only once the route has processed the exchange (Camel's idempotent consumer with
 * {@code eager=false}): a failed route, or a process killed inside it, leaves neither, so the result is emitted again
 * when it comes again, never answered as a duplicate it was not. While one emission of an id runs, another one of the
 * same id (a duplicate delivery, a poll) is told to come back later rather than acknowledged: the first may still
 * fail.
 * <p>
 * The contacts that waited for the people of the enrichment (not sent because their person was being enriched) are
 * appended to the result it emits ({@link WaitingAnswers}), and forgotten by the people store once the route
 * processed it; a result that ended unenriched makes the ledger forget its request's fingerprint first
 * ({@link ReplayGuards}), so the route may send its contacts again.
 */
public final class ResultEmitter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultEmitter.class);

    /** What became of one emission attempt. */
    public enum Outcome {
        /** The route processed it. */
        EMITTED,
        /** Already emitted before: nothing sent to the route. */
        DUPLICATE,
        /** The ledger does not hold its id and foreign results are dropped: nothing sent to the route. */
        DROPPED,
        /** Another poller, delivery or instance is emitting it right now: try later. */
        BUSY,
        /** The route failed, or the ledger or repository could not be read: nothing marked, it will come again. */
        FAILED,
        /**
         * Camel refused to run the route, or the rest of it, because it is being stopped (a forced shutdown): whether
         * the route's last step ran is unknown, so nothing is undone and nothing completed. The id stays pending and
         * claimed by this owner: it is emitted again after a restart or once the claim's lease expired.
         */
        INTERRUPTED
    }

    /** How long a claim on an id holds before another owner may take it over (a crashed owner's work). */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);

    private final DeepEnrichLedger ledger;
    private final IdempotentRepository seen;
    private final AsyncProcessor processor;
    private final String owner;
    private final ForeignResultsPolicy foreign;
    private final BiConsumer<EnrichmentResult, String> emitted;
    private final Set<String> emitting = ConcurrentHashMap.newKeySet();

    /**
     * {@code foreign}: what to do with a result whose id the ledger does not hold (one that came by webhook);
     * {@code emitted}: told each result the route processed, with its request's key (null for a foreign one).
     */
    public ResultEmitter(DeepEnrichLedger ledger, IdempotentRepository seen, AsyncProcessor processor, String owner,
                         ForeignResultsPolicy foreign, BiConsumer<EnrichmentResult, String> emitted) {
        this.ledger = ledger;
        this.seen = seen;
        this.processor = processor;
        this.owner = owner;
        this.foreign = foreign;
        this.emitted = emitted;
    }

    /**
     * Emits {@code result} on {@code exchange}. {@code claimed} says whether this owner already holds the ledger
     * claim on the id (the poller does); {@code done} is called exactly once with the outcome, after the route.
     */
    public void emit(Exchange exchange, EnrichmentResult result, boolean claimed, Consumer<Outcome> done) {
        String id = result.getId();
        if (!emitting.add(id)) {
            done.accept(Outcome.BUSY);
            return;
        }
        String key = deliveryKey(result);
        Admission admission = admit(exchange, result, key, claimed);
        if (admission.stop() != null) {
            finish(id, done, admission.stop());
            return;
        }
        WaitingAnswers.Answered answered;
        try {
            ReplayGuards.forgetRequest(ledger, result);
            answered = WaitingAnswers.collect(ledger.people(), result, admission.requestKey());
            StoredResults.keep(ledger.people(), answered, result, Instant.now());
        } catch (RuntimeException e) {
            exchange.setException(e);
            if (admission.pending()) {
                releaseClaim(id);
            }
            finish(id, done, Outcome.FAILED);
            return;
        }
        DeepEnrichMessageHelper.setResult(exchange.getMessage(), answered.result());
        exchange.getMessage().setHeader(DeepEnrichConstants.FOREIGN, !admission.pending());
        processor.process(exchange, doneSync -> {
            if (interruptedByShutdown(exchange)) {
                LOG.warn("Camel stopped the route while it processed enrichment {}; it stays pending and is emitted "
                         + "again after a restart or when this claim expires",
                        id);
                finish(id, done, Outcome.INTERRUPTED);
            } else if (exchange.isFailed() || exchange.isRollbackOnly()) {
                releaseClaim(id);
                finish(id, done, Outcome.FAILED);
            } else {
                confirm(id, key, exchange, admission.requestKey(), answered.waitingIds());
                emitted.accept(answered.result(), admission.requestKey());
                finish(id, done, Outcome.EMITTED);
            }
        });
    }

    /**
     * Whether the result goes to the route ({@code stop} null), whether the ledger holds its id, and the key of its
     * request (null when unknown: a foreign result).
     */
    private record Admission(Outcome stop, boolean pending, String requestKey) {
    }

    /**
     * Claims a pending id (unless {@code claimed}), or one the result's request in doubt becomes, applies the foreign
     * policy, and checks for a duplicate.
     */
    private Admission admit(Exchange exchange, EnrichmentResult result, String key, boolean claimed) {
        String id = result.getId();
        boolean holdsClaim = claimed;
        try {
            String requestKey = RequestNames.keyOf(result.getName());
            Optional<PendingEnrichment> recorded = claimed && requestKey != null ? Optional.empty() : ledger.find(id);
            boolean known = claimed || recorded.isPresent();
            boolean duplicate = !known && seen.contains(exchange, key);
            // a result emitted before never answers a request in doubt (one with the same contacts, sent again)
            Optional<WireRecord> adopted =
                    known || duplicate ? Optional.empty() : InDoubtRequests.adopt(ledger, result);
            boolean pending = known || adopted.isPresent();
            requestKey = recorded.map(p -> RequestNames.keyOf(p.name()))
                    .or(() -> adopted.map(WireRecord::requestKey)).orElse(requestKey);
            if (pending && !claimed) {
                if (!ledger.claim(id, owner, CLAIM_LEASE)) {
                    return new Admission(Outcome.BUSY, true, requestKey);
                }
                holdsClaim = true;
            }
            if (!pending && foreign == ForeignResultsPolicy.drop) {
                LOG.info("Result of enrichment {} dropped: the ledger does not hold its id (foreignResults=drop)", id);
                return new Admission(Outcome.DROPPED, false, null);
            }
            if (duplicate) {
                return new Admission(Outcome.DUPLICATE, false, null);
            }
            if (!pending) {
                LOG.info("Result of enrichment {} emitted with header {}=true: the ledger does not hold its id (not "
                         + "submitted through this ledger, or emitted before and forgotten)",
                        id,
                        DeepEnrichConstants.FOREIGN);
            }
            return new Admission(null, pending, requestKey);
        } catch (RuntimeException e) {
            exchange.setException(e);
            if (holdsClaim) {
                releaseClaim(id);
            }
            return new Admission(Outcome.FAILED, false, null);
        }
    }

    /**
     * A rejection by a stopping Camel (the error handler of a stopped route, a forced shutdown) is no failure of the
     * route's own steps: it may come after the route's last step ran, so it must not be undone like one.
     */
    private static boolean interruptedByShutdown(Exchange exchange) {
        CamelContext camel = exchange.getContext();
        return exchange.getException(RejectedExecutionException.class) != null
               && (camel.isStopping() || camel.isStopped() || camel.getShutdownStrategy().isForceShutdown());
    }

    /** A delivery is the same when its enrichment id and final status are (DeepEnrich sends no delivery id). */
    public static String deliveryKey(EnrichmentResult result) {
        return result.getId() + ":" + result.getStatus();
    }

    /** After a failure: another delivery or poll may emit the id again at once (no key was added). */
    private void releaseClaim(String id) {
        try {
            ledger.release(id, owner);
        } catch (RuntimeException e) {
            LOG.error("Enrichment {} failed in the route and its claim could not be released ({}): it comes again "
                      + "once the claim expired",
                    id, e.getMessage());
        }
    }

    private void confirm(String id, String key, Exchange exchange, String requestKey, List<String> answeredWaiting) {
        try {
            seen.add(exchange, key);
            seen.confirm(exchange, key);
            if (requestKey != null) {
                ledger.people().answered(requestKey, answeredWaiting);
            }
            ledger.complete(id);
        } catch (RuntimeException e) {
            // the route has it, but the ledger still holds the id: it is emitted again (at-least-once)
            LOG.warn("Enrichment {} was emitted but could not be marked done: {}", id, e.getMessage());
        }
    }

    private void finish(String id, Consumer<Outcome> done, Outcome outcome) {
        emitting.remove(id);
        done.accept(outcome);
    }
}
