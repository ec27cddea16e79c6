package com.deepenrich.camel.ledger;

import javax.sql.DataSource;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC ledger's credits book on a real PostgreSQL server, where many nodes share one budget. */
class PostgresJdbcCreditsBookTest extends JdbcCreditsBookContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = PostgresDatabase.emptiedBeforeEach();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
