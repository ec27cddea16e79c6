package com.deepenrich.camel.ledger;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC wire store on H2; {@link PostgresJdbcWireRecordsTest} runs the same on PostgreSQL. */
class JdbcWireRecordsTest extends WireRecordsContract {

    private final JdbcDataSource h2 = new JdbcDataSource();

    JdbcWireRecordsTest() {
        h2.setURL("jdbc:h2:mem:wire-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** The database of the current test. */
    DataSource dataSource() {
        return h2;
    }

    @Override
    JdbcDeepEnrichLedger ledger() {
        return new JdbcDeepEnrichLedger(dataSource());
    }

    @Test
    void anAcceptanceThatFailsHalfWayLeavesTheRequestOnTheWireAndNothingPending() {
        JdbcDeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("aaaaaaa1", 0);
        ledger.wire().write(record);

        assertThrows(IllegalStateException.class, () -> ledger.wire().accept("aaaaaaa1", () -> {
            ledger.record(record.accepted("id-1", T0));
            throw new IllegalStateException("the database went away");
        }));

        assertTrue(ledger.find("id-1").isEmpty(), "rolled back");
        assertEquals(List.of(record), ledger.wire().records());
    }

    @Test
    void theRequestsAnotherInstanceWroteAreInDoubtThoseOnThisInstancesWireAreNot() {
        JdbcDeepEnrichLedger crashed = ledger();
        crashed.wire().write(onTheWire("aaaaaaa1", 0));
        JdbcDeepEnrichLedger restarted = ledger();
        restarted.wire().write(onTheWire("bbbbbbb2", 1));

        assertEquals(List.of(onTheWire("aaaaaaa1", 0)), restarted.wire().inDoubt());
        assertEquals(List.of(onTheWire("bbbbbbb2", 1)), crashed.wire().inDoubt(), "each sees the other's");
        assertEquals(List.of(onTheWire("aaaaaaa1", 0), onTheWire("bbbbbbb2", 1)), restarted.wire().records());
    }
}
