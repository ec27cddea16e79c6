package com.deepenrich.camel.ledger;

import javax.sql.DataSource;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC wire store on a real PostgreSQL server. */
class PostgresJdbcWireRecordsTest extends JdbcWireRecordsTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
