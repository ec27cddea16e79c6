package com.deepenrich.camel.ledger;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The file ledger's wire store: the JDBC one on its H2 file. */
class FileWireRecordsTest extends WireRecordsContract {

    @TempDir
    Path dir;

    @RegisterExtension
    final FileLedgers files = new FileLedgers();

    @Override
    DeepEnrichLedger ledger() {
        return files.open(dir);
    }

    @Test
    void aRestartFindsTheRequestsItsLastProcessLeftOnTheWireInDoubt() {
        FileDeepEnrichLedger before = files.open(dir);
        before.wire().write(onTheWire("aaaaaaa1", 0));
        before.stop();

        FileDeepEnrichLedger after = files.open(dir);

        assertEquals(List.of(onTheWire("aaaaaaa1", 0)), after.wire().inDoubt());
    }
}
