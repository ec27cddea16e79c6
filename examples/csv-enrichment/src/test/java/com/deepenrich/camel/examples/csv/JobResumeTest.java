package com.deepenrich.camel.examples.csv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.ledger.WireRecord;
import com.deepenrich.camel.model.DeepEnrichJson;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run, or a restart, sends again and what it does not: the job's journal and the component's ledger. */
class JobResumeTest {

    private static final String INPUT = "contacts.csv 42 bytes";
    private static final long ROWS = 150;

    @TempDir
    Path workDir;

    private final CamelContext camel = new DefaultCamelContext();
    private final DeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();
    private JobJournal journal;

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private EnrichmentJob job(Duration inDoubtWait) {
        journal = JobJournal.open(workDir, INPUT);
        return new EnrichmentJob(journal, ledger, ROWS, "job", inDoubtWait,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private void restart() {
        journal.close();
        journal = null;
    }

    /** A reading of the block of rows {@code from}-{@code to}: what goes to DeepEnrich, null when it is not sent. */
    private List<?> prepare(EnrichmentJob job, long from, long to) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(LongStream.rangeClosed(from, to)
                .mapToObj(row -> Map.of("firstname", "Ada", "custom", Map.of("row_id", Long.toString(row))))
                .toList());
        job.reading(true);
        job.prepare(exchange);
        job.reading(false);
        return exchange.isRouteStop() ? null : exchange.getMessage().getBody(List.class);
    }

    @Test
    void aBlockTheLedgerHoldsIsNotSentAgainAfterARestart() {
        EnrichmentJob job = job(Duration.ofMinutes(10));
        assertEquals(100, prepare(job, 1, 100).size());
        // DeepEnrich accepted it, and the component recorded it, before the process died
        ledger.record(new PendingEnrichment("enrichment-1", "job rows 1-100", Instant.now(), 100));
        restart();

        assertNull(prepare(job(Duration.ZERO), 1, 100), "pending in the ledger: its results are coming");
    }

    /** The component wrote the request of rows 101-150 {@code ago} and got no answer: in doubt. */
    private void inDoubt(Duration ago) {
        ledger.wire().write(new WireRecord("k3f9x2ab", "job rows 101-150 #k3f9x2ab", "fingerprint", Duration.ZERO,
                Instant.now().minus(ago), 50, "digest"));
        ledger.wire().markInDoubt("k3f9x2ab");
    }

    @Test
    void aBlockThatNeverLeftIsSentAtOnceAfterARestart() {
        EnrichmentJob job = job(Duration.ofMinutes(10));
        assertEquals(50, prepare(job, 101, 150).size());
        // killed while it waited for its rate-limit turn: the ledger neither holds it nor lists it in doubt
        restart();

        assertEquals(50, prepare(job(Duration.ofMinutes(10)), 101, 150).size());
    }

    @Test
    void aBlockInDoubtWaitsForItsWebhookThenOnlyItsRowsWithoutAResultGoAgain() {
        EnrichmentJob job = job(Duration.ofMinutes(10));
        assertEquals(50, prepare(job, 101, 150).size());
        inDoubt(Duration.ZERO);
        restart();

        job = job(Duration.ofMinutes(10));
        assertNull(prepare(job, 101, 150), "written, no answer: DeepEnrich may have accepted it");
        assertFalse(job.mustReadAgain(), "nothing to send before the wait is over");

        journal.resolve(101, new RowResult("a@b.co", "DELIVERABLE", "", "FOUND", "")); // a late webhook
        journal.commit();
        restart();

        List<?> again = prepare(job(Duration.ZERO), 101, 150);
        assertEquals(49, again.size());
        assertEquals(Map.of("row_id", "102"), ((Map<?, ?>) again.get(0)).get("custom"));
        assertTrue(ledger.wire().inDoubt().isEmpty(), "given up once its rows go again");
    }

    @Test
    void aBlocksWaitCountsAgainFromEachRestartForItsWebhookCanOnlyReachARunningJob() {
        inDoubt(Duration.ofHours(1)); // its wait ran out while the job was down

        assertNull(prepare(job(Duration.ofMinutes(10)), 101, 150),
                "DeepEnrich may have accepted it, and its webhook could not reach the job while it was down");
    }

    @Test
    void rowsOfAnEnrichmentTheLedgerDroppedAreReadAgainOnceNothingElseIsAwaited() throws Exception {
        EnrichmentJob job = job(Duration.ZERO);
        assertFalse(job.mustReadAgain(), "the first reading is due");
        ledger.record(new PendingEnrichment("still-pending", "job rows 101-150", Instant.now(), 50));
        assertNull(prepare(job, 101, 150), "pending in the ledger");
        assertFalse(job.mustReadAgain(), "an enrichment is pending");

        ledger.complete("still-pending"); // DeepEnrich answered 404: the component dropped it
        assertTrue(job.mustReadAgain());
        assertEquals(100, prepare(job, 1, 100).size());
    }

    @Test
    void aResultResolvesItsRowsAndTheRowsOfItsBlockItLacks() throws Exception {
        EnrichmentJob job = job(Duration.ofMinutes(10));
        job.record(DeepEnrichJson.readResult("""
                {"id": "e-1", "status": "FINISHED", "cost": {"credits": 11}, "datas": [
                  {"custom": {"row_id": "101"}, "contact": {"most_probable_email": "a@b.co",
                   "most_probable_email_status": "DELIVERABLE", "most_probable_phone": "+44 1"}}]}
                """.getBytes(StandardCharsets.UTF_8)));

        assertEquals(new RowResult("a@b.co", "DELIVERABLE", "+44 1", "FOUND", ""), journal.result(101));
        assertEquals(RowResult.REJECTED, journal.result(150).outcome(), "absent from the result");
        assertNull(journal.result(100), "another block");
        assertEquals(11, journal.creditsSpent());
    }

    @Test
    void rowsKeepTheirFirstResultAcrossARestart() {
        job(Duration.ZERO);
        journal.resolve(7, new RowResult("a@b.co", "DELIVERABLE", "", "FOUND", ""));
        journal.resolve(7, new RowResult("", "", "", "NOT_FOUND", ""));
        journal.commit();
        restart();

        job(Duration.ZERO);
        assertEquals("FOUND", journal.result(7).outcome());
        assertEquals(Map.of("FOUND", 1L), journal.outcomes());
    }

    @Test
    void refusesAWorkDirLeftByAnotherInput() {
        JobJournal.open(workDir, INPUT).close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JobJournal.open(workDir, "other.csv 7 bytes"));
        assertTrue(e.getMessage().contains("another input"), e.getMessage());
    }
}
