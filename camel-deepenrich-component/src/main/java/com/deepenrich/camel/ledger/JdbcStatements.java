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

    /** Binds instants as UTC timestamps with time zone, integers and longs as numbers, the rest as strings. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
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
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
        return ps;
    }
}
