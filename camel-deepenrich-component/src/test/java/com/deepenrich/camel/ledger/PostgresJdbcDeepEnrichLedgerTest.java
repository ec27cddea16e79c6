package com.deepenrich.camel.ledger;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.deepenrich.camel.postgres.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC ledger on a real PostgreSQL server, the database recommended for many instances. */
class PostgresJdbcDeepEnrichLedgerTest extends JdbcDeepEnrichLedgerContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @BeforeEach
    void dropTheLedgerTable() throws SQLException {
        POSTGRES.dropTables();
    }

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
