package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger must do; each implementation's test extends this. */
abstract class DeepEnrichLedgerContract {

    static final Duration LEASE = Duration.ofMinutes(10);
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A fresh, empty ledger. */
    abstract DeepEnrichLedger ledger() throws Exception;

    static PendingEnrichment pending(String id, int minutesAfterT0) {
        return new PendingEnrichment(id, "job " + id, T0.plus(Duration.ofMinutes(minutesAfterT0)), 100);
    }

    @Test
    void keepsRecordedIdsOldestFirstUntilCompleted() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.record(pending("b", 2));
        ledger.record(pending("a", 1));
        ledger.record(pending("c", 3));

        assertEquals(List.of("a", "b", "c"), ledger.pending().stream().map(PendingEnrichment::enrichmentId).toList());
        assertEquals(pending("b", 2), ledger.find("b").orElseThrow());

        assertTrue(ledger.complete("b"));
        assertFalse(ledger.complete("b"));
        assertTrue(ledger.find("b").isEmpty());
        assertEquals(List.of("a", "c"), ledger.pending().stream().map(PendingEnrichment::enrichmentId).toList());
    }

    @Test
    void remembersAnAcceptedRequestByFingerprintWithinItsWindowEvenAfterItsResultWasEmitted() throws Exception {
        DeepEnrichLedger ledger = ledger();
        Duration window = Duration.ofHours(1);
        ledger.record(pending("id-1", 0));
        ledger.recordSubmission("fp-1", "id-1", T0, window);
        ledger.complete("id-1");

        assertEquals("id-1", ledger.findSubmission("fp-1", T0.minus(window)).orElseThrow());
        assertTrue(ledger.findSubmission("fp-1", T0.plusSeconds(1)).isEmpty(), "accepted before the window");
        assertTrue(ledger.findSubmission("fp-2", T0.minus(window)).isEmpty(), "another request");
    }

    @Test
    void forgetsFingerprintsOlderThanTheWindowAndKeepsTheLatestIdOfARequestSentAgain() throws Exception {
        DeepEnrichLedger ledger = ledger();
        Duration window = Duration.ofMinutes(10);
        ledger.recordSubmission("old", "id-old", T0, window);
        ledger.recordSubmission("again", "id-first", T0, window);
        ledger.recordSubmission("again", "id-second", T0.plus(Duration.ofHours(1)), window);

        assertEquals("id-second", ledger.findSubmission("again", T0).orElseThrow());
        assertTrue(ledger.findSubmission("old", Instant.EPOCH).isEmpty(), "forgotten once past its window");
    }

    @Test
    void aClaimHeldByOneOwnerIsRefusedToAnotherUntilReleased() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.record(pending("a", 0));

        assertTrue(ledger.claim("a", "owner-1", LEASE));
        assertFalse(ledger.claim("a", "owner-2", LEASE));
        assertTrue(ledger.claim("a", "owner-1", LEASE), "the holder may renew its claim");

        ledger.release("a", "owner-2");
        assertFalse(ledger.claim("a", "owner-2", LEASE), "only the holder releases a claim");

        ledger.release("a", "owner-1");
        assertTrue(ledger.claim("a", "owner-2", LEASE));
    }

    @Test
    void idsNotPendingCannotBeClaimed() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.record(pending("a", 0));
        ledger.complete("a");

        assertFalse(ledger.claim("a", "owner-1", LEASE));
        assertFalse(ledger.claim("never-recorded", "owner-1", LEASE));
    }

    @Test
    void ofManyOwnersRacingForOneIdExactlyOneWins() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.record(pending("a", 0));

        List<Boolean> wins = atOnce(16, i -> () -> ledger.claim("a", "owner-" + i, LEASE));

        assertEquals(1, wins.stream().filter(won -> won).count());
    }
}
