package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.deepenrich.camel.NodeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileDeepEnrichLedgerTest extends DeepEnrichLedgerContract {

    @TempDir
    Path dir;

    @RegisterExtension
    final FileLedgers files = new FileLedgers();

    @Override
    DeepEnrichLedger ledger() {
        return files.open(dir);
    }

    @Test
    void aRestartSeesWhatIsStillPendingAndNoClaimOfTheLastProcess() {
        Path file = dir.resolve("sub/ledger");
        FileDeepEnrichLedger before = files.open(file);
        before.record(pending("a", 1));
        before.record(pending("b", 2));
        before.complete("a");
        before.claim("b", "crashed-owner", LEASE);
        before.stop();

        FileDeepEnrichLedger after = files.open(Path.of(file.toString()));

        assertEquals(List.of(pending("b", 2)), after.pending());
        assertTrue(after.claim("b", "new-owner", LEASE), "claims belong to the process that held them");
    }

    @Test
    void aStopCompactsTheFileItsCommitsLeftPartlyLive() throws IOException {
        FileDeepEnrichLedger ledger = files.open(dir);
        for (int i = 0; i < 1_000; i++) { // one commit each, most of them deleted again: chunks left partly live
            ledger.record(pending("id-" + i, 1));
            ledger.people().keep(List.of(PeopleRegistryContract.found("p" + i, "{\"n\":" + i + "}", T0)));
            if (i % 10 != 0) {
                ledger.complete("id-" + i);
            }
        }
        long open = Files.size(ledger.getFile());

        ledger.stop();

        long stopped = Files.size(ledger.getFile());
        assertTrue(stopped * 2 < open, "compacted on stop: " + open + " bytes open, " + stopped + " stopped");
        assertEquals(100, files.open(dir).pending().size());
    }

    @Test
    void aRestartRemembersTheAcceptedRequests() {
        FileDeepEnrichLedger before = files.open(dir);
        before.recordSubmission("fp", "id-1", T0, Duration.ofHours(1));
        before.stop();

        assertEquals("id-1", files.open(dir).findSubmission("fp", T0).orElseThrow());
    }

    @Test
    void givenADirectoryItsFileIsTheDefaultOneThereAndNothingElse() throws IOException {
        FileDeepEnrichLedger ledger = files.open(dir);
        ledger.record(pending("a", 0));
        ledger.stop();

        assertEquals(dir.resolve("deepenrich-ledger.mv.db"), ledger.getFile());
        assertEquals(List.of(ledger.getFile()), filesIn(dir));
    }

    @Test
    void givenAFileNameItsFileIsThatNameWithH2sSuffix() {
        files.open(dir.resolve("ledger")).record(pending("a", 0));

        assertEquals(dir.resolve("ledger.mv.db"), files.open(dir.resolve("ledger.json")).getFile());
        assertEquals(List.of(pending("a", 0)), files.open(dir.resolve("ledger.mv.db")).pending(), "the same file");
    }

    @Test
    void isNotShared() {
        assertFalse(files.open(dir).isShared());
    }

    @Test
    void worksUnstartedAndOpensItsFileAgainWhenUsedAfterAStop() {
        FileDeepEnrichLedger ledger = files.open(dir);
        ledger.record(pending("a", 0));
        ledger.stop();

        assertEquals(List.of(pending("a", 0)), ledger.pending());
    }

    @Test
    void importsTheJsonLedgerOfAnEarlierVersionOnceAndRenamesItsFiles() throws IOException {
        Path json = dir.resolve("deepenrich-ledger.json");
        Files.writeString(json, """
                {"pending": [{"enrichment_id": "id-1", "name": "job #aaaaaaa1", "submitted_at": "2026-01-01T10:00:00Z",
                              "contact_count": 3}],
                 "submissions": [{"fingerprint": "fp-1", "enrichment_id": "id-1",
                                  "accepted_at": "2026-01-01T10:00:00Z"}]}""");
        Files.writeString(dir.resolve("deepenrich-ledger.json.wire.json"), """
                {"in_doubt": [{"request_key": "job #bbbbbbb2", "fingerprint": "fp-2", "fingerprint_window_ms": 60000,
                               "written_at": "2026-01-01T10:00:00Z", "contact_count": 2, "contacts_digest": "d2"}]}""");
        Files.writeString(dir.resolve("deepenrich-ledger.json.credits.json"), """
                {"counts": [{"account": "acc", "period": "all", "period_end": null, "reserved": 100, "spent": 7}],
                 "reservations": [{"reservation_id": "0e8f5c1a-0000-4000-8000-000000000001", "account": "acc",
                                   "period": "all", "credits": 100, "request_name": "job #bbbbbbb2",
                                   "reserved_at": "2026-01-01T10:00:00Z", "enrichment_id": null}]}""");
        Files.writeString(dir.resolve("deepenrich-ledger.json.people.json"), """
                {"holds": [], "waiting": [],
                 "results": [{"person": "ann", "enrichment_id": "id-1", "request_index": 0, "custom": {},
                              "enrich_fields": ["contact.emails"], "keep_millis": 86400000, "contact": "{}",
                              "found_at": "2026-01-01T10:00:00Z", "expires_at": "2026-01-02T10:00:00Z"},
                             {"person": "bob", "enrich_fields": ["contact.emails"], "contact": null,
                              "found_at": null, "expires_at": "2026-01-02T10:00:00Z"}]}""");

        FileDeepEnrichLedger ledger = files.open(dir);
        ledger.stop();
        ledger = files.open(dir); // the renamed files are not read again

        assertEquals(List.of(new PendingEnrichment("id-1", "job #aaaaaaa1", T0, 3)), ledger.pending());
        assertEquals("id-1", ledger.findSubmission("fp-1", T0).orElseThrow());
        assertEquals(List.of(new WireRecord("bbbbbbb2", "job #bbbbbbb2", "fp-2", Duration.ofMinutes(1), T0, 2, "d2")),
                ledger.wire().inDoubt(), "written by a process that is gone");
        assertEquals(new CreditsTotals(100, 7), ledger.credits().totals("acc", "all"));
        assertTrue(ledger.credits().settle("bbbbbbb2", 5), "its result settles it by its request's key");
        assertEquals(Map.of("ann", new StoredResult("ann", List.of("contact.emails"), "{}", T0,
                T0.plus(Duration.ofDays(1)))), ledger.people().storedResults(List.of("ann", "bob"), T0));
        assertEquals(List.of("deepenrich-ledger.json.credits.json.imported", "deepenrich-ledger.json.imported",
                "deepenrich-ledger.json.people.json.imported", "deepenrich-ledger.json.wire.json.imported",
                "deepenrich-ledger.mv.db"), filesIn(dir).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void refusesAJsonFileThatIsNoLedgerAndLeavesItAsItWas() throws IOException {
        Path file = dir.resolve("not-a-ledger.json");
        Files.writeString(file, "{\"something\": \"else\"}");

        UncheckedIOException refused = assertThrows(UncheckedIOException.class, () -> files.open(file));

        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertEquals("{\"something\": \"else\"}", Files.readString(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void aSecondProcessCannotOpenTheFileAndIsToldWhichFileAndWhy() throws Exception {
        FileDeepEnrichLedger ledger = files.open(dir);
        ledger.record(pending("a", 0));

        NodeProcess second = NodeProcess.start(FileLedgerNode.class, dir.toString(), "1");
        assertEquals(2, second.waitFor(), second.output());
        assertTrue(second.output().contains("REFUSED The DeepEnrich ledger file " + ledger.getFile()
                                            + " is in use by another process"),
                second.output());

        ledger.stop();
        NodeProcess third = NodeProcess.start(FileLedgerNode.class, dir.toString(), "1");
        assertEquals(0, third.waitFor(), "closed, the file opens: " + third.output());
    }

    @Test
    void aProcessKilledAfterItsCommitsLosesNoneOfThem() throws Exception {
        NodeProcess node = NodeProcess.start(FileLedgerNode.class, dir.toString(), "20", "wait");
        try {
            node.await("20 enrichments recorded", () -> node.lines().contains("RECORDED 19"));
        } finally {
            node.kill();
        }

        assertEquals(20, files.open(dir).pending().size());
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.sorted().toList();
        }
    }
}
