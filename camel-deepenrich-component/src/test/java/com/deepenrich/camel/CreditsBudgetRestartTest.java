package com.deepenrich.camel;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import org.apache.camel.Exchange;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a durable ledger the budget outlives the application: what a run reserved holds in the next run, and the
 * results that come after the restart settle it into spend.
 */
class CreditsBudgetRestartTest {

    private static final String BULK = "deepenrich:bulk?name=leads&creditsBudget=250&fingerprintWindow=0";

    @TempDir
    Path dir;

    @Test
    void aFileLedgerKeepsTheBudgetAcrossRestarts() throws Exception {
        Path file = dir.resolve("ledger.json");

        List<FileDeepEnrichLedger> opened = new ArrayList<>();
        aRestartKeepsTheReservationsAndTheResultsSettleThem(() -> {
            opened.forEach(FileDeepEnrichLedger::stop); // the run before is over: the next one opens the file
            opened.add(new FileDeepEnrichLedger(file));
            return opened.get(opened.size() - 1);
        });
        opened.forEach(FileDeepEnrichLedger::stop);

        FileDeepEnrichLedger onDisk = new FileDeepEnrichLedger(file);
        try (Connection c = onDisk.getDataSource().getConnection();
                ResultSet accounts = c.createStatement().executeQuery("SELECT account FROM deepenrich_credits")) {
            assertTrue(accounts.next(), "the account's count is kept");
            assertTrue(accounts.getString(1).matches("[0-9a-f]{64}"),
                    "the account is named by a digest, not by its key: " + accounts.getString(1));
        } finally {
            onDisk.stop();
        }
    }

    @Test
    void aJdbcLedgerKeepsTheBudgetAcrossRestarts() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:credits-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        aRestartKeepsTheReservationsAndTheResultsSettleThem(() -> new JdbcDeepEnrichLedger(h2));
    }

    private static void aRestartKeepsTheReservationsAndTheResultsSettleThem(Supplier<DeepEnrichLedger> ledger)
            throws Exception {
        try (WireMockApi api = new WireMockApi()) {
            runsOnOneLedger(api, ledger);
        }
    }

    private static void runsOnOneLedger(WireMockApi api, Supplier<DeepEnrichLedger> ledger) throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        try (ResultsApplication first = new ResultsApplication(api, ledger.get(), false)) {
            assertNull(send(first, 0, 200).getException(), "200 of 250 reserved, results not come");
        }

        try (ResultsApplication second = new ResultsApplication(api, ledger.get(), false)) {
            Exchange refused = send(second, 200, 100);
            DeepEnrichCreditsBudgetException over = assertInstanceOf(DeepEnrichCreditsBudgetException.class,
                    refused.getException());
            assertEquals(200, over.getReserved(), "what the first run reserved still holds");
        }

        Stream.of("id-0", "id-100").forEach(id -> ResultStubs.answerInTurn(api, id, ok(finished(id))));
        try (ResultsApplication third = new ResultsApplication(api, ledger.get(), true)) {
            // settled once the route processed them
            await("both results emitted and their credits settled").until(() -> third.emitted().size() == 2
                                                                                && spent(third) == 22);
            Exchange again = send(third, 200, 100);

            assertNull(again.getException(), "11 + 11 spent + 100 reserved fit in 250");
            assertEquals(22L, again.getMessage().getHeader(DeepEnrichConstants.CREDITS_SPENT));
            assertEquals(100L, again.getMessage().getHeader(DeepEnrichConstants.CREDITS_RESERVED));
            assertEquals(List.of("id-0", "id-100", "id-200"),
                    api.bulkRequests().stream().map(r -> "id-" + WireMockApi.json(r).at("/datas/0/custom/seq").asInt())
                            .toList());
        }
    }

    private static long spent(ResultsApplication application) {
        return application.endpoint(BULK).getAccountCredits().totals().spent();
    }

    private static Exchange send(ResultsApplication application, int from, int count) {
        return application.template().request(BULK, e -> e.getMessage().setBody(WireMockApi.contacts(from, count)));
    }
}
