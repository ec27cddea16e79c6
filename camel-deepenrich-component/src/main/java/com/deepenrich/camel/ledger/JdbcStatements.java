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

/** The plain JDBC the ledger's tables are read and written with, on a connection the caller holds. */
final class JdbcStatements {

    private JdbcStatements() {
    }

    /** Reads one row of a result. */
    interface Row<T> {

        T read(ResultSet rs) throws SQLException;
    }

    /** What runs on one connection. */
    interface Work<T> {

        T run(Connection connection) throws SQLException;
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

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /**
     * Runs {@code work} in one transaction, whatever the pool's auto-commit; {@code store} and {@code what} name it in
     * a failure.
     */
    static <T> T atomically(DataSource dataSource, String store, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("DeepEnrich " + store + ": cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    /** Binds instants as UTC timestamps with time zone, integers and longs as numbers, booleans, the rest as strings. */
    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Integer number) {
                ps.setInt(i + 1, number);
            } else if (p instanceof Long number) {
                ps.setLong(i + 1, number);
            } else if (p instanceof Boolean flag) {
                ps.setBoolean(i + 1, flag);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }
}
