package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A contact that waits for a person nobody will answer (her holder stopped before sending her) is taken out and
 * counted once the hold timeout passed without an open hold for her; one still held is kept.
 */
class PeopleWatchTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final InMemoryDeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();
    private final PeopleWatch watch = new PeopleWatch(ledger);

    /** Holder {@code holder} holds {@code person} until {@code until}; B's contact {@code row} waits for her. */
    private void heldByAnotherWithAContactWaiting(String person, Instant until, String row) {
        PeopleRegistry people = ledger.people();
        people.enter("A", List.of(new PeopleRegistry.Entrant(person, List.of())), T0, until);
        assertEquals(List.of(PeopleRegistry.Entry.WAITING), people.enter("B", List.of(new PeopleRegistry.Entrant(
                person, List.of(new WaitingContact("B:" + row, person, Map.of("row", row), T0)))), T0, until));
    }

    @Test
    void aContactWaitingPastTheTimeoutForAPersonNoOneHoldsIsReportedOnce() {
        watch.holdsFor(TIMEOUT);
        heldByAnotherWithAContactWaiting("ann", T0.plus(Duration.ofMinutes(1)), "7");

        assertEquals(List.of(), watch.purge(T0.plus(Duration.ofMinutes(5))), "within the timeout it waits");
        List<WaitingContact> reported = watch.purge(T0.plus(TIMEOUT).plusSeconds(1));

        assertEquals(List.of(Map.of("row", "7")), reported.stream().map(WaitingContact::custom).toList());
        assertEquals(1, watch.getUnanswered());
        assertTrue(ledger.people().waiting().isEmpty());
        assertEquals(List.of(), watch.purge(T0.plus(TIMEOUT).plusSeconds(2)), "reported once");
    }

    @Test
    void aContactWhosePersonIsStillHeldKeepsWaiting() {
        watch.holdsFor(TIMEOUT);
        heldByAnotherWithAContactWaiting("ann", T0.plus(Duration.ofDays(1)), "7");

        assertEquals(List.of(), watch.purge(T0.plus(TIMEOUT).plusSeconds(1)));
        assertEquals(1, ledger.people().counts().waiting());
    }

    @Test
    void thePurgeComesAsOftenAsAShortHoldTimeoutNeeds() {
        assertEquals(PeopleWatch.PURGE_EVERY, watch.purgeEvery());
        watch.holdsFor(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), watch.purgeEvery());
        watch.holdsFor(Duration.ofDays(1));
        assertEquals(PeopleWatch.PURGE_EVERY, watch.purgeEvery(), "the longest timeout a contact may wait");
    }
}
