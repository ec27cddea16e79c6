package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the JDBC ledger must do on every database it supports; each database's test extends this. */
abstract class JdbcDeepEnrichLedgerContract extends DeepEnrichLedgerContract {

    /** The database of the current test, without a ledger table. */
    abstract DataSource dataSource();

    /** One instance of an application: its own ledger object on the shared database. */
    JdbcDeepEnrichLedger instance(Clock clock) {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource());
        ledger.setClock(clock);
        ledger.start();
        return ledger;
    }

    @Override
    DeepEnrichLedger ledger() {
        return instance(Clock.systemUTC());
    }

    @Test
    void createsItsTableOnStartOnlyWhenAbsent() throws Exception {
        JdbcDeepEnrichLedger first = instance(Clock.systemUTC());
        first.record(pending("a", 0));

        JdbcDeepEnrichLedger second = instance(Clock.systemUTC());

        assertEquals(List.of(pending("a", 0)), second.pending());
        try (Connection c = dataSource().getConnection();
                ResultSet columns = c.getMetaData().getColumns(null, null,
                        c.getMetaData().storesUpperCaseIdentifiers() ? "DEEPENRICH_LEDGER" : "deepenrich_ledger",
                        null)) {
            StringBuilder names = new StringBuilder();
            while (columns.next()) {
                names.append(columns.getString("COLUMN_NAME").toLowerCase()).append(' ');
            }
            assertEquals("enrichment_id name submitted_at contact_count claimed_by claim_expires_at ",
                    names.toString());
        }
    }

    @Test
    void twoInstancesNeverBothHoldAClaimAndAnExpiredOneIsTakenOver() {
        MutableClock clock = new MutableClock(T0);
        JdbcDeepEnrichLedger crashing = instance(clock);
        JdbcDeepEnrichLedger survivor = instance(clock);
        crashing.record(pending("a", 0));

        assertTrue(crashing.claim("a", "crashing", Duration.ofMinutes(10)));
        assertFalse(survivor.claim("a", "survivor", Duration.ofMinutes(10)));

        clock.now = T0.plus(Duration.ofMinutes(9));
        assertFalse(survivor.claim("a", "survivor", Duration.ofMinutes(10)), "the lease still runs");

        clock.now = T0.plus(Duration.ofMinutes(11));
        assertTrue(survivor.claim("a", "survivor", Duration.ofMinutes(10)), "the lease expired");
        assertFalse(crashing.claim("a", "crashing", Duration.ofMinutes(10)), "the old holder lost it");
    }

    @Test
    void recordingAnIdTwiceKeepsOneEntry() {
        DeepEnrichLedger ledger = ledger();
        ledger.record(pending("a", 0));
        ledger.record(pending("a", 0));

        assertEquals(List.of(pending("a", 0)), ledger.pending());
    }

    @Test
    void instancesStartingAtOnceOnAnEmptyDatabaseAllStartOnOneTable() throws Exception {
        List<JdbcDeepEnrichLedger> started = atOnce(8, i -> () -> instance(Clock.systemUTC()));
        started.get(0).record(pending("a", 0));

        for (JdbcDeepEnrichLedger ledger : started) {
            assertEquals(List.of(pending("a", 0)), ledger.pending());
        }
    }

    @Test
    void ofManyInstancesRacingForAnExpiredClaimExactlyOneWins() throws Exception {
        MutableClock clock = new MutableClock(T0);
        JdbcDeepEnrichLedger crashed = instance(clock);
        crashed.record(pending("a", 0));
        crashed.claim("a", "crashed", LEASE);
        clock.now = T0.plus(LEASE).plusSeconds(1);

        List<Boolean> wins = atOnce(16, i -> () -> instance(clock).claim("a", "survivor-" + i, LEASE));

        assertEquals(1, wins.stream().filter(won -> won).count());
    }

    @Test
    void oneIdRecordedByManyInstancesAtOnceIsKeptOnce() throws Exception {
        JdbcDeepEnrichLedger ledger = instance(Clock.systemUTC());

        atOnce(8, i -> () -> {
            ledger.record(pending("a", 0));
            return null;
        });

        assertEquals(List.of(pending("a", 0)), ledger.pending());
    }

    @Test
    void keepsTheSubmissionTimeToTheMicrosecondWhateverTheInstancesTimeZone() {
        Instant submittedAt = Instant.parse("2026-03-29T01:30:00.123456Z"); // a daylight saving change in Europe
        JdbcDeepEnrichLedger ledger = instance(Clock.system(ZoneId.of("Europe/Paris")));
        ledger.record(new PendingEnrichment("a", "job", submittedAt, 1));

        assertEquals(submittedAt, instance(Clock.systemUTC()).find("a").orElseThrow().submittedAt());
    }

    @Test
    void aNameTheDatabaseCannotHoldIsRecordedCleaned() {
        String name = "job\u0000 one " + "x".repeat(991) + "\uD83D\uDE00" + "tail"; // NUL, then an emoji over char 1000
        JdbcDeepEnrichLedger ledger = instance(Clock.systemUTC());
        ledger.record(new PendingEnrichment("a", name, T0, 1));

        assertEquals("job one " + "x".repeat(991), ledger.find("a").orElseThrow().name());
    }

    @Test
    void worksUnstartedItsTablesMadeOnFirstUse() {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource());

        ledger.record(pending("a", 0));

        assertEquals(List.of(pending("a", 0)), ledger.pending());
    }

    @Test
    void isShared() {
        assertTrue(new JdbcDeepEnrichLedger(dataSource()).isShared());
    }

    @Test
    void twoLedgersWithOtherTablePrefixesInOneDatabaseDoNotSeeEachOther() {
        JdbcDeepEnrichLedger a = prefixed("app_a_");
        JdbcDeepEnrichLedger b = prefixed("app_b_");

        a.record(pending("a", 0));
        a.recordSubmission("fp", "a", T0, LEASE);
        a.wire().write(new WireRecord("aaaaaaa1", "job #aaaaaaa1", "fp", LEASE, T0, 1, "digest"));
        a.people().enter("holder", List.of(new PeopleRegistry.Entrant("ann", List.of())), T0, T0.plus(LEASE));
        a.credits().reserve(new CreditsReservation("aaaaaaa1", "account", "all", 10, "job", T0), null, 0);
        b.record(pending("b", 0));

        assertEquals(List.of(pending("b", 0)), b.pending());
        assertTrue(b.findSubmission("fp", T0).isEmpty());
        assertTrue(b.wire().records().isEmpty());
        assertTrue(b.people().holds().isEmpty());
        assertEquals(CreditsTotals.ZERO, b.credits().totals("account", "all"));
        assertEquals(List.of(pending("a", 0)), a.pending());
        assertEquals("app_a_", a.getTablePrefix());
    }

    @Test
    void aTablePrefixMayStartWithASchema() throws Exception {
        execute("CREATE SCHEMA crm");
        try {
            prefixed("crm.deepenrich_").record(pending("a", 0));

            assertEquals(List.of(pending("a", 0)), prefixed("crm.deepenrich_").pending());
            assertTrue(instance(Clock.systemUTC()).pending().isEmpty(), "not in the default schema");
        } finally {
            execute("DROP SCHEMA crm CASCADE");
        }
    }

    @Test
    void refusesATablePrefixThatIsNoTableNamePrefixNamingIt() {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource());
        for (String bad : List.of("deepenrich-", "a.b.c_", "1st_", "x; DROP TABLE y")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ledger.setTablePrefix(bad));
            assertTrue(refused.getMessage().contains("tablePrefix: '" + bad + "'"), refused.getMessage());
        }
        assertEquals("deepenrich_", ledger.getTablePrefix(), "unchanged");
    }

    @Test
    void indexesTheColumnsItLooksUp() throws Exception {
        instance(Clock.systemUTC());
        try (Connection c = dataSource().getConnection()) {
            boolean upper = c.getMetaData().storesUpperCaseIdentifiers();
            for (JdbcTables.Table table : JdbcTables.ALL) {
                String name = "deepenrich_" + table.name();
                List<String> indexed = new ArrayList<>();
                try (ResultSet indexes = c.getMetaData().getIndexInfo(null, null,
                        upper ? name.toUpperCase() : name, false, false)) {
                    while (indexes.next()) {
                        indexed.add(indexes.getString("COLUMN_NAME").toLowerCase());
                    }
                }
                for (String column : table.indexes().values()) {
                    assertTrue(indexed.contains(column), name + "." + column + " indexed: " + indexed);
                }
            }
        }
    }

    private JdbcDeepEnrichLedger prefixed(String tablePrefix) {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource());
        ledger.setTablePrefix(tablePrefix);
        return ledger;
    }

    private void execute(String... statements) throws Exception {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static final class MutableClock extends Clock {

        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
