package com.deepenrich.camel;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.ledger.WireRecord;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link WireNode} killed (SIGKILL) while one bulk request is on the wire and two more wait for their rate-limit
 * turn, on the file ledger and on the JDBC ledger on PostgreSQL: after the restart the ledger lists exactly the
 * request on the wire in doubt, a second restart changes nothing and sends nothing, and that request's webhook,
 * arriving then, is emitted once as its answer (not as a foreign result).
 */
@Timeout(90)
class InDoubtKillTest extends KillTestSupport {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Test
    void onTheFileLedgerOnlyTheRequestOnTheWireIsInDoubtAndItsWebhookAnswersIt() throws Exception {
        killAndRestart("file", new LedgerView() { // opened when no node has it, closed again

            @Override
            public <T> T read(Function<DeepEnrichLedger, T> read) {
                FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(work);
                try {
                    return read.apply(ledger);
                } finally {
                    ledger.stop();
                }
            }
        });
    }

    @Test
    void onTheJdbcLedgerOnPostgresOnlyTheRequestOnTheWireIsInDoubtAndItsWebhookAnswersIt() throws Exception {
        POSTGRES.dropTables();
        PGSimpleDataSource dataSource = (PGSimpleDataSource) POSTGRES.dataSource();
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource);
        ledger.start();
        killAndRestart(dataSource.getUrl() + (dataSource.getUrl().contains("?") ? "&" : "?") + "user="
                       + dataSource.getUser(),
                new LedgerView() {

                    @Override
                    public <T> T read(Function<DeepEnrichLedger, T> read) {
                        return read.apply(ledger);
                    }
                });
    }

    /** The ledger the nodes use, as it is now, read while no node runs. */
    private interface LedgerView {

        <T> T read(Function<DeepEnrichLedger, T> read);
    }

    private void killAndRestart(String ledgerKind, LedgerView ledger) throws Exception {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"enrichment_id\": \"never-seen\"}")
                .withFixedDelay(60_000)));
        NodeProcess first = start(ledgerKind, 3);
        // recorded on the wire before it is written: once the API has it, its record is in the ledger
        first.await("one request on the wire", () -> api.bulkRequests().size() == 1);
        first.kill();

        List<WireRecord> inDoubtAfterTheKill = ledger.read(l -> l.wire().inDoubt());
        assertEquals(1, inDoubtAfterTheKill.size(), "the two waiting for their turn were never written");
        WireRecord inDoubt = inDoubtAfterTheKill.get(0);
        String seq = WireMockApi.json(api.bulkRequests().get(0)).at("/datas/0/custom/seq").asText();
        assertEquals(1, inDoubt.contactCount());
        assertTrue(ledger.read(DeepEnrichLedger::pending).isEmpty());

        started(ledgerKind).kill(); // a second restart before the webhook comes
        assertEquals(List.of(inDoubt), ledger.read(l -> l.wire().inDoubt()), "nothing changed");
        assertEquals(1, api.bulkRequests().size(), "nothing sent again");

        NodeProcess third = started(ledgerKind);
        String webhook = result("id-late", inDoubt.name(), seq);
        assertAnswer(200, "emitted", deliver(webhook));
        assertAnswer(200, "duplicate", deliver(webhook));
        third.kill();

        assertEquals(List.of("id-late foreign=false"), Files.readAllLines(work.resolve(WireNode.EMITTED)));
        assertTrue(ledger.read(l -> l.wire().inDoubt()).isEmpty());
        assertTrue(ledger.read(DeepEnrichLedger::pending).isEmpty(), "emitted and completed");
        assertEquals(1, api.bulkRequests().size(), "no contact sent twice");
    }

    /** The webhook body of the enrichment DeepEnrich made of the request {@code name} (one contact). */
    private static String result(String id, String name, String seq) {
        return DeepEnrichJson.writeString(Map.of("id", id, "name", name, "status", "FINISHED",
                "cost", Map.of("credits", 1), "datas", List.of(Map.of("custom", Map.of("seq", seq), "contact",
                        Map.of("firstname", "First" + seq, "most_probable_email", "a@example.com")))));
    }

    private NodeProcess started(String ledgerKind) throws Exception {
        NodeProcess child = start(ledgerKind, 0);
        child.await("started", () -> child.lines().contains("STARTED"));
        return child;
    }

    private NodeProcess start(String ledgerKind, int requests) throws Exception {
        return NodeProcess.start(WireNode.class, work.toString(), ledgerKind, api.baseUrl(), Integer.toString(port),
                Integer.toString(requests));
    }
}
