package com.deepenrich.camel.ledger;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC ledger on H2, in memory: the fast path, one fresh database per test. */
class JdbcDeepEnrichLedgerTest extends JdbcDeepEnrichLedgerContract {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcDeepEnrichLedgerTest() {
        dataSource.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
