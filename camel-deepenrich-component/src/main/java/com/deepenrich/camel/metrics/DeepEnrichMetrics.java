package com.deepenrich.camel.metrics;

import java.util.concurrent.atomic.LongAdder;

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
