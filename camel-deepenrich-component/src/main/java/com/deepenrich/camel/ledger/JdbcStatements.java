package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;

/**
 * Plain JDBC on the ledger's database, shared by the ledger and its stores: statements with parameters
 * ({@link Instant} as {@code TIMESTAMP WITH TIME ZONE}), tables created when absent, and transactions.
 */
final class JdbcStatements {

    interface Row<T> {

        T read(ResultSet rs) throws SQLException;
    }

    interface Work<T> {

        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    JdbcStatements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates {@code table} with {@code ddl} unless it exists (or another instance creates it at the same moment). */
    void createIfAbsent(String table, String ddl) {
        if (!tableExists(table)) {
            try {
                update("create table " + table, ddl);
            } catch (RuntimeCamelException e) {
                if (!tableExists(table)) {
                    throw e;
                }
            }
        }
    }

    private boolean tableExists(String table) {
        try {
            select("check table " + table, "SELECT 1 FROM " + table + " WHERE 1 = 0", rs -> 1);
            return true;
        } catch (RuntimeCamelException e) {
            return false;
        }
    }

    int update(String what, String sql, Object... params) {
        return inTransaction(what, c -> update(c, sql, params));
    }

    <T> List<T> select(String what, String sql, Row<T> row, Object... params) {
        return inTransaction(what, c -> select(c, sql, row, params));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** One statement run with each set of parameters, as one JDBC batch. */
    static void updateEach(Connection c, String sql, List<Object[]> each) throws SQLException {
        if (each.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] params : each) {
                bind(ps, params);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static <T> List<T> select(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(row.read(rs));
            }
        }
        return found;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Instant instant) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Integer number) {
                ps.setInt(i + 1, number);
            } else if (p instanceof Boolean flag) {
                ps.setBoolean(i + 1, flag);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    /** Runs {@code work} on a connection of the pool, committing it when the pool hands out transactional ones. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return run(c, c.getAutoCommit(), work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in one transaction, even on a pool whose connections commit every statement. */
    <T> T atomically(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return run(c, false, work);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static <T> T run(Connection c, boolean autoCommit, Work<T> work) throws SQLException {
        try {
            T result = work.run(c);
            if (!autoCommit) {
                c.commit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (!autoCommit) {
                c.rollback();
            }
            throw e;
        }
    }

    private static RuntimeCamelException failure(String what, SQLException e) {
        return new RuntimeCamelException("DeepEnrich ledger: cannot " + what + ": " + e.getMessage(), e);
    }
}
