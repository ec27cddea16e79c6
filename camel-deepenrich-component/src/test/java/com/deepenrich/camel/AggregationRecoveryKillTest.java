package com.deepenrich.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A persistent {@code JdbcAggregationRepository} (PostgreSQL, with recovery) gives back, after a SIGKILL,
 * a completed group whose bulk request the API had accepted but whose exchange was not confirmed. The
 * {@link AggregationNode} restarted on the same database answers the recovered group with its earlier enrichment
 * id (the ledger's request fingerprint) instead of posting it again; each enrichment's result is emitted once.
 */
@Timeout(90)
class AggregationRecoveryKillTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final int CONTACTS = 250;
    private static final int FIRST_GROUP = 100;
    private static final long ONE_HOUR = Duration.ofHours(1).toMillis();
    private static final long NO_FINGERPRINTS = 0;

    private final WireMockApi api = new WireMockApi();

    @TempDir
    Path work;

    /** Empty tables; the API accepts every request and has every result finished. */
    @BeforeEach
    void freshDatabaseAndApi() throws SQLException {
        POSTGRES.dropTables();
        for (String table : List.of("aggregation", "aggregation_completed")) {
            execute("CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL PRIMARY KEY, exchange BYTEA NOT NULL, "
                    + "version BIGINT NOT NULL)");
        }
        api.acceptBulkWithIdOfFirstSeq();
        api.server.stubFor(get(urlPathMatching(ResultStubs.RESULT_PATH + "id-[0-9]+")).willReturn(okJson(
                finished("{{request.pathSegments.[5]}}")).withTransformers("response-template")));
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void theRecoveredGroupIsNotPostedAgainAndEachResultIsEmittedOnce() throws Exception {
        killAfterTheFirstGroupWasAccepted(ONE_HOUR);

        NodeProcess second = restart(ONE_HOUR);
        second.kill();

        assertEquals(1, postsHolding(0), "the recovered first group is answered with id-0, not posted again");
        assertEquals(IntStream.range(0, CONTACTS).boxed().toList(), api.seqsReceived(), "each contact paid once");
        assertEquals(acceptedIds(), emitted().stream().sorted().toList(), "each result emitted once");
    }

    @Test
    void withoutFingerprintsTheRecoveredGroupIsPostedAgain() throws Exception {
        killAfterTheFirstGroupWasAccepted(NO_FINGERPRINTS);

        NodeProcess second = restart(NO_FINGERPRINTS);
        second.kill();

        assertEquals(2, postsHolding(0), "the first group is paid twice");
        assertEquals(CONTACTS + FIRST_GROUP, api.seqsReceived().size());
    }

    /**
     * Runs a node that sends the first group and is killed once the API accepted it, before its exchange is
     * confirmed (it reads no results); checks that the crash came at that point.
     */
    private void killAfterTheFirstGroupWasAccepted(long fingerprintWindow) throws Exception {
        Files.writeString(work.resolve(AggregationNode.BLOCK_AFTER_BULK), "");
        // its poller would claim id-0 for 10 minutes if killed while reading it; no reading spares the wait
        NodeProcess first = start(fingerprintWindow, 0, FIRST_GROUP, false);
        first.await("the first group accepted", () -> Files.exists(work.resolve(AggregationNode.ACCEPTED)));
        first.kill();
        Files.delete(work.resolve(AggregationNode.BLOCK_AFTER_BULK));

        assertEquals(IntStream.range(0, FIRST_GROUP).boxed().toList(), api.seqsReceived(), "one POST");
        assertEquals(1, count("deepenrich_ledger"), "id-0 pending");
        assertEquals(1, count("aggregation_completed"), "the group completed, not confirmed");
        assertEquals(0, count("aggregation"));
    }

    /** A node on the same database that recovers the first group and sends the other contacts, once it drained. */
    private NodeProcess restart(long fingerprintWindow) throws Exception {
        NodeProcess node = start(fingerprintWindow, FIRST_GROUP, CONTACTS, true);
        node.await("the other contacts sent", () -> node.lines().contains(AggregationNode.SENT));
        node.await(() -> "every result emitted, the ledger and the repository empty; found " + state(),
                this::drained);
        return node;
    }

    /** A node on the test's database sending the contacts from {@code firstSeq} on. */
    private NodeProcess start(long fingerprintWindow, int firstSeq, int endSeq, boolean pollResults)
            throws IOException {
        PGSimpleDataSource db = (PGSimpleDataSource) POSTGRES.dataSource();
        return NodeProcess.start(AggregationNode.class, work.toString(), api.baseUrl(), db.getURL(), db.getUser(),
                Long.toString(fingerprintWindow), Integer.toString(firstSeq), Integer.toString(endSeq),
                Boolean.toString(pollResults));
    }

    /** Every contact posted, every accepted id emitted and completed, no group left in the repository. */
    private boolean drained() throws Exception {
        return api.seqsReceived().stream().distinct().count() == CONTACTS
               && emitted().size() >= acceptedIds().size() && count("deepenrich_ledger") == 0
               && count("aggregation") == 0 && count("aggregation_completed") == 0;
    }

    private String state() {
        try {
            return "contacts posted " + api.seqsReceived().size() + ", accepted " + acceptedIds() + ", emitted "
                   + emitted() + ", pending in the ledger " + count("deepenrich_ledger") + ", groups "
                   + count("aggregation") + ", completed groups " + count("aggregation_completed");
        } catch (IOException | SQLException e) {
            return e.toString();
        }
    }

    /** How many bulk requests held the contact {@code seq}. */
    private long postsHolding(int seq) {
        return api.bulkContacts().stream()
                .filter(datas -> StreamSupport.stream(datas.spliterator(), false)
                        .anyMatch(c -> c.at("/custom/seq").asInt() == seq))
                .count();
    }

    /** The enrichment ids the API gave, sorted: id-(seq of the request's first contact). */
    private List<String> acceptedIds() {
        return api.bulkContacts().stream().map(datas -> "id-" + datas.get(0).at("/custom/seq").asInt())
                .distinct().sorted().toList();
    }

    private List<String> emitted() throws IOException {
        Path log = work.resolve(AggregationNode.EMITTED);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static int count(String table) throws SQLException {
        try (Connection c = POSTGRES.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = POSTGRES.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
