package com.deepenrich.camel;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A result that overtakes its request's answer, on the JDBC ledger on PostgreSQL. */
class PostgresResultBeforeAnswerTest extends ResultBeforeAnswerTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    @Override
    DeepEnrichLedger newLedger() {
        return new JdbcDeepEnrichLedger(POSTGRES.dataSource());
    }
}
