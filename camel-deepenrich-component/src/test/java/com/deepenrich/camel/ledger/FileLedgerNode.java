package com.deepenrich.camel.ledger;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process on a file ledger, which {@link FileDeepEnrichLedgerTest} starts: opens the ledger at
 * {@code args[0]} (exit 2, printing why, when it cannot), records {@code args[1]} pending enrichments, printing
 * {@code RECORDED <n>} after each, then closes it and ends, or with {@code args[2] = wait} waits at most a minute to
 * be killed.
 */
public final class FileLedgerNode {

    private FileLedgerNode() {
    }

    public static void main(String[] args) throws Exception {
        FileDeepEnrichLedger ledger;
        try {
            ledger = new FileDeepEnrichLedger(Path.of(args[0]));
        } catch (IllegalStateException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.exit(2);
            return;
        }
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            ledger.record(new PendingEnrichment("id-" + i, "job", Instant.now(), 1));
            System.out.println("RECORDED " + i);
        }
        if (args.length > 2 && args[2].equals("wait")) {
            Thread.sleep(60_000);
        }
        ledger.stop();
    }
}
