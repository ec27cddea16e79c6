package com.deepenrich.camel.ledger;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC ledger's people store on a real PostgreSQL server, where nodes share it. */
class PostgresPeopleRegistryTest extends PeopleRegistryContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    @Override
    PeopleRegistry people() {
        return new JdbcDeepEnrichLedger(POSTGRES.dataSource()).people();
    }

    /** Another node: its own ledger on the same database. */
    @Override
    PeopleRegistry another() {
        return people();
    }
}
