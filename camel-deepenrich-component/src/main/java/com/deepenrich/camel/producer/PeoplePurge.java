package com.deepenrich.camel.producer;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.deepenrich.camel.ledger.PeopleRegistry;

/**
 * Deletes the people store's expired holds at most once a minute per producer: they answer nobody (an expired hold is
 * taken over), but they hold personal data, so they must not stay; a purge on every exchange would read the whole
 * store each time.
 */
final class PeoplePurge {

    private static final long EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong next = new AtomicLong(System.nanoTime());

    void runIfDue(PeopleRegistry people, Instant now) {
        long due = next.get();
        long clock = System.nanoTime();
        if (clock - due >= 0 && next.compareAndSet(due, clock + EVERY_NANOS)) {
            people.purge(now);
        }
    }
}
