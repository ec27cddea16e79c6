package com.deepenrich.camel.examples.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters of everything the simulator saw and did; every getter reads the current value.
 */
public final class SimulatorStats {

    private final LongAdder totalRequests = new LongAdder();
    private final Map<String, LongAdder> requestsByEndpoint = new ConcurrentHashMap<>();
    private final LongAdder rateLimited429 = new LongAdder();
    private final LongAdder injectedRateLimits = new LongAdder();
    private final LongAdder injectedServerErrors = new LongAdder();
    private final LongAdder injectedResets = new LongAdder();
    private final LongAdder lostAnswers = new LongAdder();
    private final LongAdder submissions = new LongAdder();
    private final LongAdder contactsSubmitted = new LongAdder();
    private final LongAdder duplicateContactSubmissions = new LongAdder();
    private final LongAdder creditsSpent = new LongAdder();
    private final LongAdder webhookAttempts = new LongAdder();
    private final LongAdder webhookDeliveries = new LongAdder();
    private final LongAdder webhookFailures = new LongAdder();
    private final LongAdder webhookGaveUp = new LongAdder();
    private final LongAdder webhookSkipped = new LongAdder();

    SimulatorStats() {
    }

    /** Every HTTP request received, whatever its outcome. */
    public long totalRequests() {
        return totalRequests.sum();
    }

    /**
     * Requests received on one endpoint, keyed by method and path template relative to the base URL:
     * {@code "POST /contact/enrich/bulk"}, {@code "GET /contact/enrich/bulk/{id}"}, {@code "GET /account/credits"},
     * {@code "GET /account/keys/verify"}.
     */
    public long requests(String endpointKey) {
        LongAdder adder = requestsByEndpoint.get(endpointKey);
        return adder == null ? 0 : adder.sum();
    }

    /** Every 429 answered: over the rate limit, plus the injected ones. */
    public long rateLimited429() {
        return rateLimited429.sum();
    }

    /** The injected part of {@link #rateLimited429()}. */
    public long injectedRateLimits() {
        return injectedRateLimits.sum();
    }

    public long injectedServerErrors() {
        return injectedServerErrors.sum();
    }

    public long injectedResets() {
        return injectedResets.sum();
    }

    /** Requests handled (a bulk request became a job) whose answer was then dropped. */
    public long lostAnswers() {
        return lostAnswers.sum();
    }

    /** Accepted bulk enrichments. */
    public long submissions() {
        return submissions.sum();
    }

    public long contactsSubmitted() {
        return contactsSubmitted.sum();
    }

    /** Submitted contacts identical (names, domain, company, LinkedIn URL, custom) to one submitted before. */
    public long duplicateContactSubmissions() {
        return duplicateContactSubmissions.sum();
    }

    public long creditsSpent() {
        return creditsSpent.sum();
    }

    public long webhookAttempts() {
        return webhookAttempts.sum();
    }

    /** Webhook attempts answered with a 2xx status. */
    public long webhookDeliveries() {
        return webhookDeliveries.sum();
    }

    /** Webhook attempts answered with another status or failed with an I/O error. */
    public long webhookFailures() {
        return webhookFailures.sum();
    }

    /** Webhooks abandoned after the last retry failed. */
    public long webhookGaveUp() {
        return webhookGaveUp.sum();
    }

    /** Webhooks not sent because their host is not a loopback one (see {@code webhookLoopbackOnly}). */
    public long webhookSkipped() {
        return webhookSkipped.sum();
    }

    /** Every count by name, requests by endpoint under {@code requests}: what {@code GET /_sim/stats} answers. */
    public Map<String, Object> asMap() {
        Map<String, Long> endpoints = new TreeMap<>();
        requestsByEndpoint.forEach((key, adder) -> endpoints.put(key, adder.sum()));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("totalRequests", totalRequests());
        all.put("requests", endpoints);
        all.put("rateLimited429", rateLimited429());
        all.put("injectedRateLimits", injectedRateLimits());
        all.put("injectedServerErrors", injectedServerErrors());
        all.put("injectedResets", injectedResets());
        all.put("lostAnswers", lostAnswers());
        all.put("submissions", submissions());
        all.put("contactsSubmitted", contactsSubmitted());
        all.put("duplicateContactSubmissions", duplicateContactSubmissions());
        all.put("creditsSpent", creditsSpent());
        all.put("webhookAttempts", webhookAttempts());
        all.put("webhookDeliveries", webhookDeliveries());
        all.put("webhookFailures", webhookFailures());
        all.put("webhookGaveUp", webhookGaveUp());
        all.put("webhookSkipped", webhookSkipped());
        return all;
    }

    @Override
    public String toString() {
        return "SimulatorStats" + asMap().toString();
    }

    void countRequest(String endpointKey) {
        totalRequests.increment();
        if (endpointKey != null) {
            requestsByEndpoint.computeIfAbsent(endpointKey, key -> new LongAdder()).increment();
        }
    }

    void countRateLimited(boolean injected) {
        rateLimited429.increment();
        if (injected) {
            injectedRateLimits.increment();
        }
    }

    void countInjectedServerError() {
        injectedServerErrors.increment();
    }

    void countInjectedReset() {
        injectedResets.increment();
    }

    void countLostAnswer() {
        lostAnswers.increment();
    }

    void countSubmission(int contacts, int duplicates) {
        submissions.increment();
        contactsSubmitted.add(contacts);
        duplicateContactSubmissions.add(duplicates);
    }

    void countCreditsSpent(long credits) {
        creditsSpent.add(credits);
    }

    void countWebhookAttempt() {
        webhookAttempts.increment();
    }

    void countWebhookDelivered() {
        webhookDeliveries.increment();
    }

    void countWebhookFailed() {
        webhookFailures.increment();
    }

    void countWebhookGaveUp() {
        webhookGaveUp.increment();
    }

    void countWebhookSkipped() {
        webhookSkipped.increment();
    }
}
