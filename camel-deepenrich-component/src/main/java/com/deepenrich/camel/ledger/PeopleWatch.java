package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one ledger's people store in bounds and tells what it could not do, whatever the traffic: {@link #purge}
 * (run by the component once a minute, or as often as a hold timeout under a minute needs) deletes expired holds and stored results, and takes out the contacts that
 * waited longer than the hold timeout for a person nobody answers (her holder stopped, or her request's result never
 * came): each is reported in a warning with its custom fields, and counted. People sent without a hold because the
 * store was full are counted and reported at most once a minute.
 */
public final class PeopleWatch {

    /** How often the component purges a people store: once a minute, more often for hold timeouts below it. */
    public static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** The shortest time between two purges. */
    public static final Duration PURGE_AT_MOST_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(PeopleWatch.class);

    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final DeepEnrichLedger ledger;
    private final AtomicReference<Duration> holdTimeout = new AtomicReference<>(Duration.ZERO);
    private final AtomicLong unheld = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong nextUnheldReport = new AtomicLong(System.nanoTime());

    public PeopleWatch(DeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    /** An endpoint holds people for {@code timeout}: contacts wait at most the longest such timeout. */
    public void holdsFor(Duration timeout) {
        holdTimeout.accumulateAndGet(timeout, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** {@code count} people were sent without a hold: the store was full. */
    public void unheld(int count) {
        if (count == 0) {
            return;
        }
        long total = unheld.addAndGet(count);
        long now = System.nanoTime();
        long due = nextUnheldReport.get();
        if (now - due >= 0 && nextUnheldReport.compareAndSet(due, now + REPORT_EVERY_NANOS)) {
            LOG.warn("The ledger's people store is full ({} people held): {} people were sent without a hold so far, "
                     + "so a repeat of them in another exchange is sent again until holds are answered. Results "
                     + "free holds as they arrive; a store that stays full means results do not reach this "
                     + "application's results route",
                    ledger.people().counts().held(), total);
        }
    }

    /**
     * Deletes the expired holds and stored results, and reports the contacts that waited longer than the hold timeout
     * for a person nobody answers any more; returns those contacts.
     */
    public List<WaitingContact> purge(Instant now) {
        PeopleRegistry people = ledger.people();
        Duration timeout = holdTimeout.get();
        List<WaitingContact> gone = people.purge(now, timeout.isZero() ? Instant.MIN : now.minus(timeout));
        people.purgeResults(now);
        if (!gone.isEmpty()) {
            unanswered.addAndGet(gone.size());
            LOG.warn("{} contacts waited longer than personHoldTimeout ({}) for a person no request will answer (the "
                     + "application holding her stopped before sending her, or her request's result never came): "
                     + "they are not answered and were not sent; send them again. Their custom fields: {}",
                    gone.size(), holdTimeout.get(), gone.stream().map(WaitingContact::custom).toList());
        }
        return gone;
    }

    /** How long until the next purge: a minute, or the hold timeout when shorter (but not under a second). */
    public Duration purgeEvery() {
        Duration timeout = holdTimeout.get();
        if (timeout.isZero() || timeout.compareTo(PURGE_EVERY) >= 0) {
            return PURGE_EVERY;
        }
        return timeout.compareTo(PURGE_AT_MOST_EVERY) < 0 ? PURGE_AT_MOST_EVERY : timeout;
    }

    /** People sent without a hold because the store was full, since the start. */
    public long getUnheld() {
        return unheld.get();
    }

    /** Contacts that waited for a person nobody answered, reported since the start. */
    public long getUnanswered() {
        return unanswered.get();
    }

    /** How many people the store holds now, and how many contacts wait for them. */
    public PeopleRegistry.Counts counts() {
        return ledger.people().counts();
    }
}
