package com.deepenrich.camel.ledger;

import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC ledger's people store on H2, in memory, one fresh database per test. */
class JdbcPeopleRegistryTest extends PeopleRegistryContract {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcPeopleRegistryTest() {
        dataSource.setURL("jdbc:h2:mem:people-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    PeopleRegistry people() {
        return new JdbcDeepEnrichLedger(dataSource).people();
    }

    /** Another node: its own ledger on the same database. */
    @Override
    PeopleRegistry another() {
        return people();
    }
}
