package com.deepenrich.camel.examples.csv;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job's durable state: what a restart sends again and what it does not. */
class JobStateTest {

    private static final String INPUT = "contacts.csv 42 bytes";

    @TempDir
    Path workDir;

    @Test
    void aBatchTheLedgerKnowsIsNotSentAgainAfterACrash() {
        DeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();
        try (JobState state = JobState.open(workDir, INPUT)) {
            String accepted = state.beginBatch("job", List.of(1L, 2L));
            state.beginBatch("job", List.of(3L, 4L));
            // DeepEnrich accepted the first, and the component recorded it, before the process died
            ledger.record(new PendingEnrichment("enrichment-1", accepted, Instant.now(), 2));
        }
        try (JobState state = JobState.open(workDir, INPUT)) {
            long deadline = 1_000;
            assertEquals(1, state.settleInterruptedBatches(ledger, deadline), "the unknown batch is in doubt");

            assertFalse(state.needsSubmission(1L));
            assertFalse(state.needsSubmission(2L));
            assertEquals(2, state.submitted());
            assertEquals(List.of(1L, 2L), state.unresolvedRowsOf("enrichment-1"));
            // the second may have been accepted as the process died: its rows wait for a webhook until the deadline
            assertFalse(state.needsSubmission(3L));
            state.resolve(3L, new RowResult("c@d.co", "DELIVERABLE", "", "FOUND", ""));
            assertEquals(0, state.releaseExpiredDoubts(deadline - 1), "still waiting");
            assertEquals(1, state.releaseExpiredDoubts(deadline), "row 4 got no result: it is sent again");
            assertFalse(state.needsSubmission(3L), "row 3 got its result from the webhook");
            assertTrue(state.needsSubmission(4L));
            assertEquals(0, state.batchesInDoubt());
        }
    }

    @Test
    void aBatchInDoubtSurvivesARestartWithItsDeadline() {
        try (JobState state = JobState.open(workDir, INPUT)) {
            String batch = state.beginBatch("job", List.of(5L, 6L));
            state.batchInDoubt(batch, 2_000);
        }
        try (JobState state = JobState.open(workDir, INPUT)) {
            assertEquals(0, state.settleInterruptedBatches(new InMemoryDeepEnrichLedger(), 9_999),
                    "already in doubt: its deadline stays");
            assertEquals(0, state.releaseExpiredDoubts(1_999));
            assertEquals(2, state.releaseExpiredDoubts(2_000));
            assertTrue(state.needsSubmission(5L));
        }
    }

    @Test
    void rowsWithAResultAreNeverSentAgainAndKeepTheirFirstResult() {
        try (JobState state = JobState.open(workDir, INPUT)) {
            state.resolve(7L, new RowResult("a@b.co", "DELIVERABLE", "", "FOUND", ""));
            state.resolve(7L, new RowResult("", "", "", "NOT_FOUND", ""));
            state.commit();
        }
        try (JobState state = JobState.open(workDir, INPUT)) {
            assertFalse(state.needsSubmission(7L));
            assertEquals("FOUND", state.result(7L).outcome());
            assertEquals(1, state.count("FOUND"));
            assertEquals(1, state.resolved());
        }
    }

    @Test
    void rowsOfAnEnrichmentTheLedgerDroppedAreFreedToBeSentAgain() {
        DeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();
        try (JobState state = JobState.open(workDir, INPUT)) {
            String lost = state.beginBatch("job", List.of(1L, 2L));
            state.batchAccepted(lost, "unknown-to-the-api", List.of(1L, 2L));
            state.resolve(1L, new RowResult("", "", "", "NOT_FOUND", ""));
            String waiting = state.beginBatch("job", List.of(3L));
            state.batchAccepted(waiting, "still-pending", List.of(3L));
            ledger.record(new PendingEnrichment("still-pending", waiting, Instant.now(), 1));

            assertEquals(1, state.releaseLostBatches(ledger));

            assertFalse(state.needsSubmission(1L), "row 1 has its result");
            assertTrue(state.needsSubmission(2L), "row 2 waited on the lost enrichment");
            assertFalse(state.needsSubmission(3L), "row 3 waits on a pending enrichment");
        }
    }

    @Test
    void refusesAWorkDirLeftByAnotherInput() {
        JobState.open(workDir, INPUT).close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JobState.open(workDir, "other.csv 7 bytes"));
        assertTrue(e.getMessage().contains("another input"), e.getMessage());
    }
}
