package com.deepenrich.camel.examples.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What a route does with a DeepEnrichInDoubtException, as the main job does: the contacts of a request
 * whose answer was lost wait, bounded, for a result carrying their lead ids (the job's webhook, if DeepEnrich
 * accepted it); those still without one when the wait is over were never accepted and are sent again.
 */
final class InDoubtContacts {

    private final Duration wait;
    private final Map<Object, Long> deadlines = new ConcurrentHashMap<>();

    InDoubtContacts(Duration wait) {
        this.wait = wait;
    }

    void add(List<Object> contacts) {
        long deadline = System.nanoTime() + wait.toNanos();
        contacts.forEach(c -> deadlines.put(c, deadline));
    }

    /** Removes and returns the contacts whose wait is over and that {@code hasResult} does not know. */
    List<Object> dueForResending(Predicate<Object> hasResult) {
        long now = System.nanoTime();
        List<Object> due = new ArrayList<>();
        deadlines.forEach((contact, deadline) -> {
            if (hasResult.test(contact)) {
                deadlines.remove(contact);
            } else if (now - deadline >= 0 && deadlines.remove(contact) != null) {
                due.add(contact);
            }
        });
        return due;
    }

    int waiting() {
        return deadlines.size();
    }
}
