package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileDeepEnrichLedgerTest extends DeepEnrichLedgerContract {

    @TempDir
    Path dir;

    @Override
    DeepEnrichLedger ledger() {
        return new FileDeepEnrichLedger(dir.resolve("ledger.json"));
    }

    @Test
    void aNewInstanceOnTheSameFileSeesWhatIsStillPending() {
        Path file = dir.resolve("sub/ledger.json");
        FileDeepEnrichLedger before = new FileDeepEnrichLedger(file);
        before.record(pending("a", 1));
        before.record(pending("b", 2));
        before.complete("a");
        before.claim("b", "crashed-owner", LEASE);

        FileDeepEnrichLedger after = new FileDeepEnrichLedger(file.toString());

        assertEquals(List.of(pending("b", 2)), after.pending());
        assertTrue(after.claim("b", "new-owner", LEASE), "claims belong to the process that held them");
    }

    @Test
    void aNewInstanceOnTheSameFileRemembersTheAcceptedRequests() {
        Path file = dir.resolve("ledger.json");
        new FileDeepEnrichLedger(file).recordSubmission("fp", "id-1", T0, Duration.ofHours(1));

        assertEquals("id-1", new FileDeepEnrichLedger(file).findSubmission("fp", T0).orElseThrow());
    }

    @Test
    void aThreadInterruptedWhileStoppingStillWritesTheFile() {
        Path file = dir.resolve("ledger.json");
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(file);
        ledger.record(pending("a", 0));

        Thread.currentThread().interrupt();
        try {
            ledger.complete("a");
        } finally {
            Thread.interrupted();
        }

        assertEquals(List.of(), new FileDeepEnrichLedger(file).pending());
    }

    @Test
    void givenADirectoryItKeepsItsDefaultFileThere() {
        new FileDeepEnrichLedger(dir).record(pending("a", 0));

        assertTrue(Files.exists(dir.resolve(FileDeepEnrichLedger.DEFAULT_FILE_NAME)));
        assertEquals(List.of(pending("a", 0)), new FileDeepEnrichLedger(dir).pending());
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(dir.resolve("ledger.json"));
        ledger.record(pending("a", 0));
        ledger.record(pending("b", 0));
        ledger.complete("a");

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("ledger.json")), files.toList());
        }
    }

    @Test
    void refusesAFileThatIsNoLedgerAndLeavesItAsItWas() throws IOException {
        Path file = dir.resolve("not-a-ledger.json");
        Files.writeString(file, "{\"something\": \"else\"}");

        assertThrows(UncheckedIOException.class, () -> new FileDeepEnrichLedger(file));
        assertEquals("{\"something\": \"else\"}", Files.readString(file));
    }
}
