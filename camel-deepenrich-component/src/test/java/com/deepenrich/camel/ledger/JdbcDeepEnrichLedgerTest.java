package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JdbcDeepEnrichLedgerTest extends DeepEnrichLedgerContract {

    private final JdbcDataSource dataSource = newDatabase();

    static JdbcDataSource newDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** One instance of an application: its own ledger object on the shared database. */
    private JdbcDeepEnrichLedger instance(Clock clock) {
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource);
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
        try (Connection c = dataSource.getConnection();
             ResultSet columns = c.getMetaData().getColumns(null, null, "DEEPENRICH_LEDGER", null)) {
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
