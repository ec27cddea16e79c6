package com.deepenrich.camel.examples.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs result documents to webhook URLs. A non-2xx answer or an I/O error is retried every retry interval, up to
 * the configured number of retries; a delivered webhook may be sent once more (duplicate injection).
 */
final class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+]");

    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration retryInterval;
    private final int maxRetries;
    private final boolean loopbackOnly;
    private final FaultInjector faults;
    private final SimulatorStats stats;

    WebhookDispatcher(HttpClient client, ScheduledExecutorService scheduler, SimulatorConfig config,
                      FaultInjector faults, SimulatorStats stats) {
        this.client = client;
        this.scheduler = scheduler;
        this.retryInterval = config.webhookRetryInterval();
        this.maxRetries = config.webhookMaxRetries();
        this.loopbackOnly = config.webhookLoopbackOnly();
        this.faults = faults;
        this.stats = stats;
    }

    void dispatch(URI url, byte[] body) {
        if (loopbackOnly && !isLoopback(url.getHost())) {
            stats.countWebhookSkipped();
            LOG.info("Webhook {} skipped: not a loopback host (webhookLoopbackOnly)", url);
            return;
        }
        attempt(url, body, 0, true);
    }

    /** localhost or a loopback IP literal; host names are not resolved. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void attempt(URI url, byte[] body, int retry, boolean mayDuplicate) {
        stats.countWebhookAttempt();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                stats.countWebhookDelivered();
                if (mayDuplicate && faults.duplicateWebhook()) {
                    attempt(url, body, 0, false);
                }
            } else {
                stats.countWebhookFailed();
                retryOrGiveUp(url, body, retry, mayDuplicate,
                        error == null ? "status " + response.statusCode() : error.toString());
            }
        });
    }

    private void retryOrGiveUp(URI url, byte[] body, int retry, boolean mayDuplicate, String failure) {
        if (retry >= maxRetries) {
            stats.countWebhookGaveUp();
            LOG.warn("Webhook {} gave up after {} attempts, last failure: {}", url, retry + 1, failure);
            return;
        }
        LOG.debug("Webhook {} attempt {} failed ({}), retrying in {}", url, retry + 1, failure, retryInterval);
        try {
            scheduler.schedule(() -> attempt(url, body, retry + 1, mayDuplicate),
                    retryInterval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            LOG.debug("Simulator stopped, webhook {} not retried", url);
        }
    }
}
