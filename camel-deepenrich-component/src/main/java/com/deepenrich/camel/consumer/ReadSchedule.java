package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.deepenrich.camel.ledger.PendingEnrichment;

/**
 * When each pending enrichment is read next: {@code firstRead} after its submission, when its result can be expected;
 * after a read that found it still running, {@code interval} later, doubling with each such read up to
 * {@code maxInterval}. Held in memory by one poller: after a restart, or on another instance, an enrichment is due
 * again from its submission time.
 */
final class ReadSchedule {

    private record Next(Instant at, int runningReads) {
    }

    private final Duration firstRead;
    private final Duration interval;
    private final Duration maxInterval;
    private final Map<String, Next> next = new ConcurrentHashMap<>();

    ReadSchedule(Duration firstRead, Duration interval, Duration maxInterval) {
        this.firstRead = firstRead;
        this.interval = interval;
        this.maxInterval = maxInterval.compareTo(interval) < 0 ? interval : maxInterval;
    }

    boolean isDue(PendingEnrichment p, Instant now) {
        Next n = next.get(p.enrichmentId());
        return !(n == null ? p.submittedAt().plus(firstRead) : n.at()).isAfter(now);
    }

    /** A read found it still running (or could not tell): the next one waits longer. */
    void readRunning(String id, Instant now) {
        next.compute(id, (k, n) -> {
            int reads = n == null ? 1 : n.runningReads() + 1;
            return new Next(now.plus(backoff(reads)), reads);
        });
    }

    /** The wait after the {@code reads}-th read that found the enrichment running. */
    Duration backoff(int reads) {
        Duration wait = interval.multipliedBy(1L << Math.min(reads - 1, 30));
        return wait.isNegative() || wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
    }

    /** The id is done with (emitted, unknown to the API) or due as on submission (its result must be read again). */
    void forget(String id) {
        next.remove(id);
    }

    /** Drops the ids the ledger no longer holds (emitted by a webhook or another instance). */
    void retainOnly(Set<String> pendingIds) {
        next.keySet().retainAll(pendingIds);
    }
}
