package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job lifecycle: creates jobs, settles them when their latency has passed (on a timer, or earlier on demand when
 * somebody reads the job) and sends the webhook of a settled job.
 */
final class JobProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

    private final JobStore store;
    private final Billing billing;
    private final ResultRenderer renderer;
    private final WebhookDispatcher webhooks;
    private final ScheduledExecutorService scheduler;
    private final long latencyNanos;

    JobProcessor(JobStore store, Billing billing, ResultRenderer renderer, WebhookDispatcher webhooks,
                 ScheduledExecutorService scheduler, Duration latency) {
        this.store = store;
        this.billing = billing;
        this.renderer = renderer;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.latencyNanos = latency.toNanos();
    }

    Job submit(BulkRequest request) {
        Job job = new Job(UUID.randomUUID().toString(), request, System.nanoTime(), latencyNanos);
        store.add(job);
        scheduler.schedule(() -> settleOnTimer(job), latencyNanos, TimeUnit.NANOSECONDS);
        return job;
    }

    /** The job, settled first if its time has come. */
    Optional<Job> find(String id) {
        Optional<Job> job = store.find(id);
        job.ifPresent(this::settleIfDue);
        return job;
    }

    private void settleOnTimer(Job job) {
        try {
            settleIfDue(job);
        } catch (RuntimeException e) {
            LOG.error("Could not settle enrichment {}", job.id(), e);
        }
    }

    private void settleIfDue(Job job) {
        long now = System.nanoTime();
        if (job.settleIfDue(now, billing::settle) && job.webhookUrl() != null) {
            webhooks.dispatch(job.webhookUrl(), Json.bytes(renderer.render(job, now, false)));
        }
    }
}
