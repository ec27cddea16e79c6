package com.deepenrich.camel.ledger;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC wire store on a real PostgreSQL server. */
class PostgresJdbcWireRecordsTest extends JdbcWireRecordsTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    @Override
    DeepEnrichLedger ledger() {
        ledger = new JdbcDeepEnrichLedger(POSTGRES.dataSource());
        ledger.start();
        return ledger;
    }
}
