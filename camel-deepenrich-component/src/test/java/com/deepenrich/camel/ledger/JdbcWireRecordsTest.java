package com.deepenrich.camel.ledger;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDBC wire store on H2; {@link PostgresJdbcWireRecordsTest} runs the same on PostgreSQL. */
class JdbcWireRecordsTest extends WireRecordsContract {

    JdbcDeepEnrichLedger ledger;

    @Override
    DeepEnrichLedger ledger() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:wire-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = new JdbcDeepEnrichLedger(dataSource);
        ledger.start();
        return ledger;
    }

    @Test
    void anAcceptanceThatFailsHalfWayLeavesTheRequestInDoubtAndNothingPending() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("a #1", 0);
        ledger.wire().write(record);

        assertThrows(IllegalStateException.class, () -> ledger.wire().accept("a #1", () -> {
            ledger.record(record.accepted("id-1", T0));
            throw new IllegalStateException("the database went away");
        }));

        assertTrue(ledger.find("id-1").isEmpty(), "rolled back");
        assertEquals(java.util.List.of(record), ledger.wire().inDoubt());
    }

    @Test
    void aSecondInstanceOnTheDatabaseListsTheRequestsInDoubt() throws Exception {
        JdbcDeepEnrichLedger first = (JdbcDeepEnrichLedger) ledger();
        first.wire().write(onTheWire("a #1", 0));

        JdbcDeepEnrichLedger second = new JdbcDeepEnrichLedger(first.getDataSource());
        second.start();

        assertEquals(java.util.List.of(onTheWire("a #1", 0)), second.wire().inDoubt());
    }
}
