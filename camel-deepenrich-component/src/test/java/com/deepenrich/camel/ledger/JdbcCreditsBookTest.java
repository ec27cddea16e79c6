package com.deepenrich.camel.ledger;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The JDBC ledger's credits book on H2, in memory: one fresh database per test. */
class JdbcCreditsBookTest extends JdbcCreditsBookContract {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    JdbcCreditsBookTest() {
        dataSource.setURL("jdbc:h2:mem:credits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
