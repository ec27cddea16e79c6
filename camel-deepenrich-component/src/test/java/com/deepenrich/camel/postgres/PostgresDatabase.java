package com.deepenrich.camel.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, on a real PostgreSQL 14 server that starts once per test JVM
 * (from a Maven artifact: nothing to install) and stops with the JVM. Register it in a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PostgresDatabase POSTGRES = new PostgresDatabase();
 * </pre>
 *
 * {@link #emptiedBeforeEach()} also drops every table before each test.
 * <p>
 * As root, the server drops to the user {@code nobody}: its binaries and data live under the system temporary
 * directory, which that user can write.
 */
public final class PostgresDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final boolean emptiedBeforeEach;
    private String name;
    private PGSimpleDataSource dataSource;

    public PostgresDatabase() {
        this(false);
    }

    private PostgresDatabase(boolean emptiedBeforeEach) {
        this.emptiedBeforeEach = emptiedBeforeEach;
    }

    /** A database whose tables are dropped before each test, so that each starts from an empty schema. */
    public static PostgresDatabase emptiedBeforeEach() {
        return new PostgresDatabase(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (emptiedBeforeEach) {
            dropTables();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        name = "test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        dataSource = (PGSimpleDataSource) Server.INSTANCE.getDatabase("postgres", name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        execute("DROP DATABASE " + name + " WITH (FORCE)");
    }

    /** The test class's database; its connections auto-commit. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Empties the database: drops every table of the public schema. */
    public void dropTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The one server of this JVM, started on first use; zonky's shutdown hook stops it and deletes its data. */
    private static final class Server {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL server", e);
            }
        }
    }
}
