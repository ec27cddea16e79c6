package com.deepenrich.camel.examples.csv;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.ledger.WireRecord;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.RequestNames;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the routes call, and what this process knows of the job. Rows go out in fixed blocks of 100 (rows
 * 1-100, 101-200 ...), each block named after its rows, so the component's ledger tells which blocks DeepEnrich
 * accepted and has not answered yet (pending), and which were written to the API without an answer (in doubt: an
 * answer lost, a kill during the request). A block is sent when some of its rows have no result and the ledger holds
 * it neither pending nor in doubt; a block in doubt waits {@code in-doubt-wait} (counted from its writing, and again
 * from a restart, since its webhook can only reach a running job) for its webhook, which the component takes as the
 * request's answer, before its rows without a result are sent again. A block that never left (it waited for its
 * rate-limit turn when the process died) is in neither and goes at once.
 */
public final class EnrichmentJob {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichmentJob.class);
    private static final String CONTACTS = "deepenrichContacts";
    private static final RowResult OUT_OF_CREDITS = new RowResult("", "", "",
            ContactOutcome.CREDITS_INSUFFICIENT.name(), "the DeepEnrich account is out of credits: not sent");
    static final int BLOCK_SIZE = 100;

    private final JobJournal journal;
    private final DeepEnrichLedger ledger;
    private final long totalRows;
    private final String prefix;
    private final Duration inDoubtWait;
    private final PrintStream out;
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private final long enrichedAtStart;
    private final AtomicInteger batchesInFlight = new AtomicInteger();
    /** Why the job cannot go on (the next run goes on where it stopped); null while it can. */
    private volatile Exception failure;
    /** A reading of the input is due (the first, which the app starts once Camel has started) or under way. */
    private volatile boolean reading = true;
    private volatile boolean outOfCredits;
    /** When a block skipped by the last reading may be sent; 0: as soon as nothing else is awaited. */
    private volatile long nextReadAt;
    /** The blocks pending in the ledger when the reading started (those it sends are read once). */
    private volatile Set<String> pendingBlocks = Set.of();
    /** The requests in doubt when the reading started, by block name. */
    private volatile Map<String, WireRecord> inDoubtBlocks = Map.of();
    private boolean donePrinted;

    EnrichmentJob(JobJournal journal, DeepEnrichLedger ledger, long totalRows, String prefix, Duration inDoubtWait,
                  PrintStream out) {
        this.journal = journal;
        this.ledger = ledger;
        this.totalRows = totalRows;
        this.prefix = prefix;
        this.inDoubtWait = inDoubtWait;
        this.out = out;
        this.enrichedAtStart = enriched();
    }

    /** A reading of the input starts ({@code true}) or is done. */
    public void reading(boolean started) {
        reading = started;
        if (started) {
            nextReadAt = 0;
            pendingBlocks = ledger.pending().stream().map(p -> RequestNames.userName(p.name()))
                    .collect(Collectors.toSet());
            inDoubtBlocks = ledger.wire().inDoubt().stream().collect(
                    Collectors.toMap(r -> RequestNames.userName(r.name()), r -> r, (older, newer) -> newer));
        }
    }

    /** Before sending a block: keeps its rows without a result, or stops the exchange when it is not to be sent. */
    public void prepare(Exchange exchange) {
        List<?> contacts = exchange.getMessage().getBody(List.class);
        long block = block(contacts);
        List<?> unresolved = contacts.stream().filter(c -> !journal.hasResult(rowId(c))).toList();
        exchange.setRouteStop(true);
        if (unresolved.isEmpty() || pendingBlocks.contains(name(block)) || awaitsItsWebhook(block)) {
            return;
        }
        if (outOfCredits) {
            resolveAll(unresolved, OUT_OF_CREDITS);
        } else {
            exchange.setRouteStop(false);
            batchesInFlight.incrementAndGet();
            journal.sending(block);
            exchange.setProperty(CONTACTS, unresolved);
            exchange.getMessage().setBody(unresolved);
            exchange.getMessage().setHeader(DeepEnrichConstants.NAME, name(block));
        }
    }

    /**
     * Whether the block's request is in doubt and its wait is not over; once it is, the request is given up (its
     * late webhook, if any, still resolves the rows it carries) and the block may go again.
     */
    private boolean awaitsItsWebhook(long block) {
        WireRecord inDoubt = inDoubtBlocks.get(name(block));
        if (inDoubt == null) {
            return false;
        }
        long waitsUntil = Math.max(inDoubt.writtenAt().toEpochMilli(), startMillis) + inDoubtWait.toMillis();
        if (waitsUntil > System.currentTimeMillis()) {
            nextReadAt = nextReadAt == 0 ? waitsUntil : Math.min(nextReadAt, waitsUntil);
            return true;
        }
        LOG.warn("{}: no webhook within {} s of its request in doubt '{}': its rows without a result are sent again",
                name(block), inDoubtWait.toSeconds(), inDoubt.name());
        ledger.wire().remove(inDoubt.requestKey());
        return false;
    }

    /** DeepEnrich accepted the block: the contacts the component refused get their reason, the others wait. */
    public void accepted(@ExchangeProperty(CONTACTS) List<?> contacts, @Body SubmissionReceipt receipt) {
        resolveRefused(contacts, receipt.getRejections());
        journal.commit();
        LOG.info("{}: {} contacts accepted as enrichment {}, {} refused", name(block(contacts)),
                contacts.size() - receipt.getRejections().size(), receipt.getEnrichmentIds(),
                receipt.getRejections().size());
        batchesInFlight.decrementAndGet();
    }

    /**
     * The block was not accepted. Refused contacts and an exhausted account are answers for its rows; an answer lost
     * makes the block wait for its webhook; anything else stops the job, and the next run goes on.
     */
    public void failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                       @ExchangeProperty(CONTACTS) List<?> contacts) {
        long block = block(contacts);
        if (cause instanceof DeepEnrichValidationException invalid) {
            resolveRefused(contacts, invalid.getRejections());
            resolveAll(contacts, RowResult.rejected("DeepEnrich refused the request: " + invalid.getApiMessage()));
        } else if (cause instanceof DeepEnrichInDoubtException) {
            LOG.warn("{}: sent, but the answer was lost (DeepEnrich may have accepted it): waiting up to {} s for its "
                     + "results before sending its rows again",
                    name(block), inDoubtWait.toSeconds());
        } else if (cause instanceof DeepEnrichInsufficientCreditsException) {
            outOfCredits = true;
            resolveAll(contacts, OUT_OF_CREDITS);
        } else {
            failure = cause instanceof DeepEnrichException ? cause
                    : new IllegalStateException("Sending " + name(block) + " failed", cause);
        }
        batchesInFlight.decrementAndGet();
    }

    /**
     * A finished enrichment (by webhook, by polling, or a late webhook of a block whose answer was lost): each
     * contact's result under its row id, durable before the route returns, so the component acknowledges it only
     * then. Rows of its blocks still without a result were refused before sending, or dropped by DeepEnrich.
     */
    public void record(EnrichmentResult result) {
        Set<Long> blocks = new HashSet<>();
        for (EnrichedContact contact : result.getContacts()) {
            String rowId = contact.getCustom().get(ColumnMapping.ROW_ID);
            if (rowId == null || !rowId.matches("\\d+")) {
                LOG.warn("Enrichment {} returned a contact without a row id ({}): ignored", result.getId(),
                        contact.getCustom());
                continue;
            }
            if (!contact.isDeduplicated()) { // a row of another block, answered from this one's result
                blocks.add((Long.parseLong(rowId) - 1) / BLOCK_SIZE);
            }
            journal.resolve(Long.parseLong(rowId), RowResult.of(contact));
        }
        RowResult absent = RowResult.rejected("absent from the result of enrichment " + result.getId()
                                              + ": refused before sending, or dropped by DeepEnrich");
        for (long block : blocks) {
            for (long row = block * BLOCK_SIZE + 1; row <= Math.min(totalRows, (block + 1) * BLOCK_SIZE); row++) {
                journal.resolve(row, absent);
            }
        }
        journal.recordCredits(result.getId(), result.getCredits());
        journal.commit();
    }

    /**
     * True when the input must be read again: nothing is read, sent or pending, rows still wait, and a block's wait
     * is over (an answer lost and no webhook came, or DeepEnrich answered 404 for an enrichment and the component
     * dropped it from the ledger).
     */
    public boolean mustReadAgain() {
        boolean again = !reading && batchesInFlight.get() == 0 && journal.resolved() < totalRows
                        && System.currentTimeMillis() >= nextReadAt && ledger.pending().isEmpty();
        if (again) {
            out.println((totalRows - journal.resolved()) + " rows still without a result and none awaited: reading "
                        + "the input again to send those whose wait is over");
        }
        return again;
    }

    /** Every row has a result, and nothing is read or sent any more. */
    boolean isDone() {
        return journal.resolved() >= totalRows && batchesInFlight.get() == 0 && !reading;
    }

    Exception failure() {
        return failure;
    }

    /** The job is over and the component has settled its last results in the ledger (a failed job keeps them). */
    public boolean isOver() {
        return failure != null || isDone() && ledger.pending().isEmpty();
    }

    /** One progress line; the last one ("ETA done") once, whichever of the timer and the job's end comes first. */
    public synchronized void printProgress() {
        long remaining = totalRows - journal.resolved();
        if (remaining == 0 && donePrinted) {
            return;
        }
        donePrinted = remaining == 0;
        double rate = (enriched() - enrichedAtStart) / Math.max(elapsedSeconds(), 0.001);
        out.printf(Locale.ROOT, "[%5.1fs] rows %d | submitted %d | enriched %d | found %d | rejected %d | credits %d"
                                + " | %.0f rows/s | ETA %s%n",
                elapsedSeconds(), totalRows, submitted(), enriched(), journal.count(ContactOutcome.FOUND.name()),
                journal.count(RowResult.REJECTED), journal.creditsSpent(), rate,
                remaining == 0 ? "done" : rate > 0 ? Math.round(remaining / rate) + "s" : "?");
    }

    JobSummary summary(long rows, Path output) {
        return new JobSummary(rows, submitted(), journal.outcomes(), journal.creditsSpent(), elapsedSeconds(), output);
    }

    /** Contacts DeepEnrich accepted: those it answered, and those of the enrichments it has not answered yet. */
    private long submitted() {
        return enriched() - journal.count(ContactOutcome.CREDITS_INSUFFICIENT.name()) + ledger.pending().stream()
                .filter(p -> !journal.answered(p.enrichmentId())).mapToLong(PendingEnrichment::contactCount).sum();
    }

    /** Rows with a result from DeepEnrich, as opposed to those refused before sending. */
    private long enriched() {
        return journal.resolved() - journal.count(RowResult.REJECTED);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * A block's name, which is also the name of its request (before the suffix the component adds): the ledger's
     * pending enrichments and requests in doubt carry it.
     */
    private String name(long block) {
        return prefix + " rows " + (block * BLOCK_SIZE + 1) + "-" + Math.min(totalRows, (block + 1) * BLOCK_SIZE);
    }

    /** A row keeps its first result: rows resolved before keep theirs. */
    private void resolveAll(List<?> contacts, RowResult result) {
        contacts.forEach(contact -> journal.resolve(rowId(contact), result));
        journal.commit();
    }

    /** The component's rejections, one per contact refused, its reason naming every problem found. */
    private void resolveRefused(List<?> contacts, List<Rejection> rejections) {
        for (Rejection rejection : rejections) {
            journal.resolve(rowId(contacts.get(rejection.getIndex())), RowResult.rejected(rejection.getReason()));
        }
    }

    private static long block(List<?> contacts) {
        return (rowId(contacts.get(0)) - 1) / BLOCK_SIZE;
    }

    private static long rowId(Object contact) {
        Map<?, ?> custom = (Map<?, ?>) ((Map<?, ?>) contact).get("custom");
        return Long.parseLong(String.valueOf(custom.get(ColumnMapping.ROW_ID)));
    }
}
