package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one ledger still in doubt after {@code inDoubtTimeout}: written to the API, never answered, and
 * no result has matched them since. Each is logged once, as a warning naming the request and its contacts' count, and
 * its credits reservation is given back (until then it counts: DeepEnrich may have charged it); the health check, the
 * dev console and the metrics count them.
 */
public final class OverdueRequests {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueRequests.class);

    private final DeepEnrichLedger ledger;
    private final Duration timeout;
    private final Consumer<WireRecord> onOverdue;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextReportNanos = new AtomicLong(System.nanoTime());

    /** {@code onOverdue}: told each request once, when it is first found overdue (its credits are given back). */
    public OverdueRequests(DeepEnrichLedger ledger, Duration timeout, Consumer<WireRecord> onOverdue) {
        this.ledger = ledger;
        this.timeout = timeout;
        this.onOverdue = onOverdue;
    }

    /**
     * Logs the requests newly overdue; a results consumer calls it on each poll, and it reads the ledger at most once
     * per timeout, and at least once a minute.
     */
    public void report() {
        long now = System.nanoTime();
        long due = nextReportNanos.get();
        long every = Math.min(timeout.toNanos(), TimeUnit.MINUTES.toNanos(1));
        if (now - due >= 0 && nextReportNanos.compareAndSet(due, now + every)) {
            overdue();
        }
    }

    /** Every request in doubt, overdue or not. */
    public int inDoubt() {
        return ledger.wire().inDoubt().size();
    }

    /** The requests in doubt for longer than the timeout, oldest first; those not reported yet are logged. */
    public List<WireRecord> overdue() {
        Instant writtenBefore = Instant.now().minus(timeout);
        List<WireRecord> overdue = ledger.wire().inDoubt().stream()
                .filter(r -> r.writtenAt().isBefore(writtenBefore)).toList();
        for (WireRecord r : overdue) {
            if (reported.add(r.requestKey())) {
                LOG.warn("Request '{}' ({} contacts), written {}, is still in doubt after {} s: no answer came and "
                         + "no result matched it. DeepEnrich cannot list enrichments: if it accepted the request, only "
                         + "its webhook tells; send its contacts again only if you accept paying twice. Its credits "
                         + "reservation is given back",
                        r.name(), r.contactCount(), r.writtenAt(), timeout.toSeconds());
                onOverdue.accept(r);
            }
        }
        return overdue;
    }
}
