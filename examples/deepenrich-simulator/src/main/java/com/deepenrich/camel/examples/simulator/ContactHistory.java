package com.deepenrich.camel.examples.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which contacts were already submitted, and when identical contacts were first enriched.
 */
final class ContactHistory {

    private final Set<ContactInput.Key> submitted = ConcurrentHashMap.newKeySet();
    private final Map<ContactInput.Key, Long> firstEnrichedAt = new ConcurrentHashMap<>();

    /** Records a submission; false when an identical contact was submitted before. */
    boolean recordSubmission(ContactInput contact) {
        return submitted.add(contact.key());
    }

    void recordEnriched(ContactInput contact, long nanoTime) {
        firstEnrichedAt.putIfAbsent(contact.key(), nanoTime);
    }

    /** True when an identical contact finished enriching before {@code nanoTime}. */
    boolean enrichedBefore(ContactInput contact, long nanoTime) {
        Long at = firstEnrichedAt.get(contact.key());
        return at != null && at - nanoTime < 0;
    }
}
