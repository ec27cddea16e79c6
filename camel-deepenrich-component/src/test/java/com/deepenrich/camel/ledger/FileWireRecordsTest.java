package com.deepenrich.camel.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileWireRecordsTest extends WireRecordsContract {

    @TempDir
    Path dir;

    @Override
    DeepEnrichLedger ledger() {
        return new FileDeepEnrichLedger(dir.resolve("ledger.json"));
    }

    @Test
    void aRestartedLedgerListsTheRequestsInDoubtFromItsOwnFile() {
        Path file = dir.resolve("ledger.json");
        new FileDeepEnrichLedger(file).wire().write(onTheWire("a #1", 0));

        assertTrue(Files.exists(dir.resolve("ledger.json.wire.json")));
        assertEquals(List.of(onTheWire("a #1", 0)), new FileDeepEnrichLedger(file).wire().inDoubt());
    }

    @Test
    void aRecordWhoseRequestTheLedgerHoldsAsPendingIsDroppedOnRead() {
        Path file = dir.resolve("ledger.json");
        FileDeepEnrichLedger before = new FileDeepEnrichLedger(file);
        before.wire().write(onTheWire("a #1", 0));
        before.wire().write(onTheWire("b #2", 1));
        // a crash between the ledger file's write and the wire file's
        before.record(onTheWire("a #1", 0).accepted("id-a", T0));

        assertEquals(List.of(onTheWire("b #2", 1)), new FileDeepEnrichLedger(file).wire().inDoubt());
    }
}
