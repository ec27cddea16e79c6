package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileCreditsBookTest extends DurableCreditsBookContract {

    @TempDir
    Path dir;

    private CreditsBook book;

    @Override
    CreditsBook book() {
        book = new FileDeepEnrichLedger(dir.resolve("ledger.json")).credits();
        return book;
    }

    /** One file belongs to one process: its instances share the book. */
    @Override
    CreditsBook another() {
        return book;
    }

    @Override
    CreditsBook reopened() {
        return new FileDeepEnrichLedger(dir.resolve("ledger.json")).credits();
    }

    @Test
    void keepsItsOwnFileBesideTheLedgerFile() {
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(dir.resolve("ledger.json"));
        ledger.credits().reserve(reservation(10), END_OF_JANUARY, 0);

        assertEquals(dir.resolve("ledger.json.credits.json"), ((FileCreditsBook) ledger.credits()).getFile());
        assertTrue(Files.exists(dir.resolve("ledger.json.credits.json")));
    }

    @Test
    void refusesAFileThatIsNoCreditsBookAndLeavesItAsItWas() throws IOException {
        Path file = dir.resolve("ledger.json.credits.json");
        Files.writeString(file, "[]");

        assertThrows(UncheckedIOException.class, () -> new FileDeepEnrichLedger(dir.resolve("ledger.json")));
        assertEquals("[]", Files.readString(file));
    }

    @Test
    void aReservationTheFileCannotHoldIsRefusedAndHoldsNothing() throws IOException {
        Path sub = dir.resolve("sub");
        CreditsBook book = new FileDeepEnrichLedger(sub.resolve("ledger.json")).credits();
        Files.delete(sub); // the directory is gone: the file cannot be written

        assertThrows(UncheckedIOException.class, () -> book.reserve(reservation(10), END_OF_JANUARY, 100));

        assertEquals(totals(0, 0), book.totals(ACCOUNT, JANUARY));
    }
}
