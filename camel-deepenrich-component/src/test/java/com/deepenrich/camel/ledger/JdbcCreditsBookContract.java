package com.deepenrich.camel.ledger;

import javax.sql.DataSource;

/** The JDBC ledger's credits book on every database it supports; each database's test extends this. */
abstract class JdbcCreditsBookContract extends DurableCreditsBookContract {

    /** The database of the current test, without the book's tables. */
    abstract DataSource dataSource();

    /** One node: its own ledger on the shared database, unstarted (its tables are made on first use). */
    private CreditsBook node() {
        return new JdbcDeepEnrichLedger(dataSource()).credits();
    }

    @Override
    CreditsBook book() {
        return node();
    }

    @Override
    CreditsBook another() {
        return node();
    }

    @Override
    CreditsBook reopened() {
        return node();
    }
}
