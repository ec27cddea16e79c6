package com.deepenrich.camel.ledger;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC ledger's people store on H2, in memory, one fresh database per test. */
class JdbcPeopleRegistryTest extends PeopleRegistryContract {

    @Override
    PeopleRegistry people() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:people-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(dataSource);
        ledger.start();
        return ledger.people();
    }
}
