package com.deepenrich.camel.examples.simulator;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * One bulk enrichment. Its status follows the clock: CREATED during the first half of the processing latency,
 * IN_PROGRESS during the second half, then the outcome of its settlement once somebody settles it.
 */
final class Job {

    /** How a job ended: its final status, what it cost and how many contacts (a prefix) got their data. */
    record Outcome(JobStatus status, long creditsSpent, int enrichedCount) {
    }

    private final String id;
    private final BulkRequest request;
    private final long submittedAt;
    private final long latencyNanos;
    private volatile Outcome outcome;

    Job(String id, BulkRequest request, long submittedAt, long latencyNanos) {
        this.id = id;
        this.request = request;
        this.submittedAt = submittedAt;
        this.latencyNanos = latencyNanos;
    }

    String id() {
        return id;
    }

    String name() {
        return request.name();
    }

    URI webhookUrl() {
        return request.webhookUrl();
    }

    List<ContactInput> contacts() {
        return request.contacts();
    }

    long submittedAt() {
        return submittedAt;
    }

    /** The outcome, or null while the job is not settled. */
    Outcome outcome() {
        return outcome;
    }

    JobStatus status(long now) {
        Outcome settled = outcome;
        if (settled != null) {
            return settled.status();
        }
        return now - submittedAt < latencyNanos / 2 ? JobStatus.CREATED : JobStatus.IN_PROGRESS;
    }

    /** Contacts enriched so far by an unsettled job, growing linearly during IN_PROGRESS. */
    int progress(long now) {
        if (status(now) == JobStatus.CREATED) {
            return 0;
        }
        long elapsed = now - submittedAt;
        int size = contacts().size();
        return elapsed >= latencyNanos ? size : (int) (size * elapsed / latencyNanos);
    }

    /** Settles the job once its latency has passed; true only for the one call that settled it. */
    boolean settleIfDue(long now, Function<Job, Outcome> settlement) {
        if (outcome != null || now - submittedAt < latencyNanos) {
            return false;
        }
        synchronized (this) {
            if (outcome != null) {
                return false;
            }
            outcome = settlement.apply(this);
            return true;
        }
    }

    JobView view(long now) {
        Outcome settled = outcome;
        return new JobView(id, name(), status(now), contacts().size(), settled == null ? 0 : settled.creditsSpent());
    }
}
