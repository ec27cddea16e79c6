package com.deepenrich.camel;

import java.nio.file.Path;
import java.util.List;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An application stopped while its enrichment runs emits the result after a restart, from its ledger file. */
class FileLedgerRestartTest {

    private final WireMockApi api = new WireMockApi();

    @TempDir
    Path dir;

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void anEnrichmentRunningAtShutdownIsEmittedByTheNextRun() throws Exception {
        Path file = dir.resolve("ledger.json");
        api.acceptBulkWithIdOfFirstSeq();
        ResultStubs.answerInTurn(api, "id-0", ok(running("id-0", "IN_PROGRESS")));
        try (ResultsApplication firstRun = new ResultsApplication(api, new FileDeepEnrichLedger(file), true)) {
            firstRun.template().requestBody("deepenrich:bulk", WireMockApi.contacts(0, 1));
            await("id-0 read while running").until(() -> ResultStubs.reads(api, "id-0") >= 1);
            assertEquals(List.of(), firstRun.emitted());
        }
        FileDeepEnrichLedger onDisk = new FileDeepEnrichLedger(file);
        assertTrue(onDisk.find("id-0").isPresent(), "still pending on disk");
        onDisk.stop();

        api.server.resetScenarios();
        ResultStubs.answerInTurn(api, "id-0", ok(finished("id-0")));
        FileDeepEnrichLedger reopened = new FileDeepEnrichLedger(file);
        try (ResultsApplication secondRun = new ResultsApplication(api, reopened, true)) {
            await("id-0 emitted and off the ledger file")
                    .until(() -> !secondRun.emitted().isEmpty() && new FileDeepEnrichLedger(file).pending().isEmpty());
            assertEquals(List.of("id-0"), secondRun.emitted());
        }
    }
}
