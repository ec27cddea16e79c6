package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.core.type.TypeReference;

/** The plain JDBC the ledger's tables are read and written with, on a connection the caller holds. */
final class JdbcStatements {

    /** How many values one {@code IN (...)} list binds at most. */
    private static final int IN_LIST = 500;

    /**
     * The states of a statement that met a concurrent transaction's write: a unique key another inserted first
     * (23505), a serialization failure or deadlock (40001, PostgreSQL's 40P01), a lock wait that timed out (H2's
     * HYT00, PostgreSQL's 55P03); and H2's concurrent update (90131). The whole transaction may be run again.
     */
    private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "HYT00", "55P03", "90131");

    private static final TypeReference<Map<String, String>> CUSTOM = new TypeReference<>() {
    };

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

    /**
     * {@code sql} whose {@code IN (%s)} takes {@code values}, followed by {@code after}'s parameters, run once per
     * {@value #IN_LIST} values, in their order.
     */
    static <T> List<T> selectIn(Connection c, String sql, List<String> values, Row<T> row, Object... after)
            throws SQLException {
        List<T> found = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_LIST) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + IN_LIST));
            List<Object> params = new ArrayList<>(chunk);
            params.addAll(List.of(after));
            found.addAll(select(c, sql.formatted(String.join(", ", Collections.nCopies(chunk.size(), "?"))), row,
                    params.toArray()));
        }
        return found;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** One statement run with each set of parameters, as one JDBC batch; the rows each changed. */
    static int[] updateEach(Connection c, String sql, List<Object[]> each) throws SQLException {
        if (each.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] params : each) {
                bind(ps, params);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** Custom fields as a column holds them: a JSON object. */
    static String json(Map<String, String> custom) {
        return DeepEnrichJson.writeString(custom);
    }

    /** A column of custom fields (a JSON object; null: none). */
    static Map<String, String> custom(ResultSet rs, int column) throws SQLException {
        String json = rs.getString(column);
        try {
            return json == null ? Map.of() : DeepEnrichJson.mapper().readValue(json, CUSTOM);
        } catch (IOException e) {
            throw new SQLException("unreadable custom fields in column " + column + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction, whatever the pool's auto-commit: all of it is committed, or none. */
    static <T> T atomically(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                if (autoCommit) {
                    c.setAutoCommit(true);
                }
            }
        }
    }

    /** Whether {@code failure} (or its cause) is a conflict with a concurrent transaction, worth running again. */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && CONFLICTS.contains(e.getSQLState())) {
                return true;
            }
        }
        return false;
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
