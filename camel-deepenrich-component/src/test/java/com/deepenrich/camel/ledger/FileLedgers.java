package com.deepenrich.camel.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The file ledgers a test opens, stopped (their files closed) after it. */
final class FileLedgers implements AfterEachCallback {

    private final List<FileDeepEnrichLedger> opened = new ArrayList<>();

    FileDeepEnrichLedger open(Path path) {
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(path);
        opened.add(ledger);
        return ledger;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(FileDeepEnrichLedger::stop);
        opened.clear();
    }
}
