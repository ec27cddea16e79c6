package com.deepenrich.camel.metrics;

import java.util.concurrent.atomic.LongAdder;

import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * What one endpoint did, counted without locks: the client, the producer and the result emitter add to it on their
 * own threads; JMX, the {@code deepenrich} dev console and Micrometer read it.
 */
public final class DeepEnrichMetrics {

    private final LongAdder requestsSent = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder contactsSubmitted = new LongAdder();
    private final LongAdder contactsRejected = new LongAdder();
    private final LongAdder creditsSpent = new LongAdder();
    private final LongAdder contactsDeduplicated = new LongAdder();
    private final LongAdder contactsReused = new LongAdder();
    private final LongAdder requestsAvoided = new LongAdder();
    private final LongAdder creditsAvoided = new LongAdder();

    /** An HTTP request left for the API (a retry is one more). */
    public void requestSent() {
        requestsSent.increment();
    }

    /** The API answered 429. */
    public void rateLimited() {
        rateLimited.increment();
    }

    /** A request is sent again (429, 5xx, no connection). */
    public void retried() {
        retries.increment();
    }

    public void contactsSubmitted(long count) {
        contactsSubmitted.add(count);
    }

    public void contactsRejected(long count) {
        contactsRejected.add(count);
    }

    /** Credits a finished enrichment cost, counted once when its result is emitted. */
    public void creditsSpent(long credits) {
        creditsSpent.add(credits);
    }

    /**
     * Contacts a submission did not send because their person was being enriched ({@code deduplicated}) or her
     * stored result was reused ({@code reused}), and the requests they saved.
     */
    public void contactsNotSent(long deduplicated, long reused, long requests) {
        contactsDeduplicated.add(deduplicated);
        contactsReused.add(reused);
        requestsAvoided.add(requests);
    }

    /**
     * A result answered deduplicated or reused contacts: the credits their answers would have cost if sent as new
     * input (1 per email found, 10 per phone, DeepEnrich's rule) are counted as avoided.
     */
    public void deduplicatedAnswered(EnrichmentResult result) {
        creditsAvoided.add(creditsAvoided(result));
    }

    /** What the deduplicated and reused contacts of {@code result} would have cost if sent as new input. */
    public static long creditsAvoided(EnrichmentResult result) {
        long credits = 0;
        for (EnrichedContact c : result.getContacts()) {
            if (c.isDeduplicated() || c.isReused()) {
                credits += (isBlank(c.getMostProbableEmail()) ? 0 : AccountCredits.EMAIL_CREDITS)
                           + (isBlank(c.getMostProbablePhone()) ? 0 : AccountCredits.PHONE_CREDITS);
            }
        }
        return credits;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public long getContactsDeduplicated() {
        return contactsDeduplicated.sum();
    }

    public long getContactsReused() {
        return contactsReused.sum();
    }

    public long getRequestsAvoided() {
        return requestsAvoided.sum();
    }

    public long getCreditsAvoided() {
        return creditsAvoided.sum();
    }

    public long getRequestsSent() {
        return requestsSent.sum();
    }

    public long getRateLimited() {
        return rateLimited.sum();
    }

    public long getRetries() {
        return retries.sum();
    }

    public long getContactsSubmitted() {
        return contactsSubmitted.sum();
    }

    public long getContactsRejected() {
        return contactsRejected.sum();
    }

    public long getCreditsSpent() {
        return creditsSpent.sum();
    }
}
