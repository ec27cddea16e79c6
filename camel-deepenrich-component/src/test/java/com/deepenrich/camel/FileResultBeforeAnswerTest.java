package com.deepenrich.camel;

import java.nio.file.Path;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.junit.jupiter.api.io.TempDir;

/** A result that overtakes its request's answer, on the file ledger. */
class FileResultBeforeAnswerTest extends ResultBeforeAnswerTest {

    @TempDir
    Path dir;

    @Override
    DeepEnrichLedger newLedger() {
        return new FileDeepEnrichLedger(dir.resolve("ledger"));
    }
}
