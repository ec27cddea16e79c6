package com.deepenrich.camel.ledger;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The file ledger's credits book: the JDBC one on its H2 file. */
class FileCreditsBookTest extends DurableCreditsBookContract {

    @TempDir
    Path dir;

    @RegisterExtension
    final FileLedgers files = new FileLedgers();

    private FileDeepEnrichLedger ledger;

    @Override
    CreditsBook book() {
        ledger = files.open(dir);
        return ledger.credits();
    }

    /** One file belongs to one process: its instances share the book. */
    @Override
    CreditsBook another() {
        return ledger.credits();
    }

    /** The process ends; the next one opens the file. */
    @Override
    CreditsBook reopened() {
        ledger.stop();
        return book();
    }
}
