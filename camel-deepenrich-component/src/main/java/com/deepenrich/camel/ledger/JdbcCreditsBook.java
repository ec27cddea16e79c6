package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;

import static com.deepenrich.camel.ledger.JdbcStatements.select;
import static com.deepenrich.camel.ledger.JdbcStatements.update;

/**
 * The credits book of the JDBC ledger, in two tables of the ledger's database, so that every node sharing it counts
 * against one budget. A reservation is one conditional {@code UPDATE} of its period's row (the row lock serializes
 * the nodes, and the condition is checked again on the row each one finds) and the insert of the reservation, in
 * one transaction: the nodes together never reserve more than the budget. Created on the ledger's start when
 * absent; to create them yourself (PostgreSQL):
 *
 * <pre>
 * CREATE TABLE deepenrich_credits (
 *     account          VARCHAR(64) NOT NULL,
 *     period           VARCHAR(10) NOT NULL,
 *     period_end       TIMESTAMP WITH TIME ZONE,
 *     reserved         BIGINT NOT NULL,
 *     spent            BIGINT NOT NULL,
 *     PRIMARY KEY (account, period)
 * );
 * CREATE TABLE deepenrich_credit_reservations (
 *     reservation_id   VARCHAR(36) NOT NULL PRIMARY KEY,
 *     account          VARCHAR(64) NOT NULL,
 *     period           VARCHAR(10) NOT NULL,
 *     credits          BIGINT NOT NULL,
 *     request_name     VARCHAR(1000),
 *     reserved_at      TIMESTAMP WITH TIME ZONE NOT NULL,
 *     enrichment_id    VARCHAR(100)
 * );
 * </pre>
 *
 * {@code account} is a SHA-256 digest of the base URL and API key; {@code period} is {@code all}, a UTC day
 * ({@code 2026-12-06}) or a UTC month ({@code 2026-12}).
 */
public class JdbcCreditsBook implements CreditsBook {

    public static final String CREATE_CREDITS_TABLE = "CREATE TABLE deepenrich_credits ("
                                                      + "account VARCHAR(64) NOT NULL, "
                                                      + "period VARCHAR(10) NOT NULL, "
                                                      + "period_end TIMESTAMP WITH TIME ZONE, "
                                                      + "reserved BIGINT NOT NULL, "
                                                      + "spent BIGINT NOT NULL, "
                                                      + "PRIMARY KEY (account, period))";

    public static final String CREATE_RESERVATIONS_TABLE = "CREATE TABLE deepenrich_credit_reservations ("
                                                           + "reservation_id VARCHAR(36) NOT NULL PRIMARY KEY, "
                                                           + "account VARCHAR(64) NOT NULL, "
                                                           + "period VARCHAR(10) NOT NULL, "
                                                           + "credits BIGINT NOT NULL, "
                                                           + "request_name VARCHAR(1000), "
                                                           + "reserved_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                                                           + "enrichment_id VARCHAR(100))";

    private static final String RESERVATION = "SELECT reservation_id, account, period, credits, request_name, "
                                              + "reserved_at, enrichment_id FROM deepenrich_credit_reservations";

    private final Supplier<DataSource> dataSource;

    /** {@code dataSource}: the ledger's, read when used (a ledger bean gets it after it is made). */
    public JdbcCreditsBook(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean reserve(CreditsReservation r, Instant periodEnd, long budget) {
        Optional<Boolean> reserved = tryReserve(r, budget);
        if (reserved.isEmpty()) {
            openPeriod(r, periodEnd);
            reserved = tryReserve(r, budget);
        }
        return reserved.orElseThrow();
    }

    /** True when reserved, false when over the budget, empty when the period has no row yet. */
    private Optional<Boolean> tryReserve(CreditsReservation r, long budget) {
        return inTransaction("reserve " + r.credits() + " credits", c -> {
            String fits = budget > 0 ? " AND spent + reserved + ? <= ?" : "";
            Object[] params = budget > 0
                    ? new Object[]{r.credits(), r.account(), r.period(), r.credits(), budget}
                    : new Object[]{r.credits(), r.account(), r.period()};
            if (update(c, "UPDATE deepenrich_credits SET reserved = reserved + ? WHERE account = ? AND period = ?"
                          + fits,
                    params) == 0) {
                return periodExists(c, r) ? Optional.of(false) : Optional.empty();
            }
            update(c, "INSERT INTO deepenrich_credit_reservations (reservation_id, account, period, credits, "
                      + "request_name, reserved_at, enrichment_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    r.id(), r.account(), r.period(), r.credits(), JdbcDeepEnrichLedger.storable(r.requestName()),
                    r.reservedAt(), r.enrichmentId());
            return Optional.of(true);
        });
    }

    /** Makes the period's row; another node may make it at the same moment. */
    private void openPeriod(CreditsReservation r, Instant periodEnd) {
        try {
            inTransaction("open period " + r.period(), c -> update(c,
                    "INSERT INTO deepenrich_credits (account, period, period_end, reserved, spent) VALUES (?, ?, ?, ?, ?)",
                    r.account(), r.period(), periodEnd, 0L, 0L));
        } catch (RuntimeCamelException e) {
            if (!inTransaction("read period " + r.period(), c -> periodExists(c, r))) {
                throw e;
            }
        }
    }

    private static boolean periodExists(Connection c, CreditsReservation r) throws SQLException {
        return !select(c, "SELECT 1 FROM deepenrich_credits WHERE account = ? AND period = ?", rs -> true,
                r.account(), r.period()).isEmpty();
    }

    @Override
    public void accepted(String reservationId, String enrichmentId) {
        inTransaction("record enrichment " + enrichmentId, c -> update(c,
                "UPDATE deepenrich_credit_reservations SET enrichment_id = ? WHERE reservation_id = ?", enrichmentId,
                reservationId));
    }

    @Override
    public void cancel(String reservationId) {
        release(RESERVATION + " WHERE reservation_id = ?", reservationId, 0);
    }

    @Override
    public boolean settle(String enrichmentId, long credits) {
        return release(RESERVATION + " WHERE enrichment_id = ?", enrichmentId, credits) != null;
    }

    /**
     * Deletes the reservation {@code query} finds and moves its credits out of its period's reserved ones, adding
     * {@code spent}; null when there was none, or another node released it first.
     */
    private CreditsReservation release(String query, String key, long spent) {
        return inTransaction("release the reservation of " + key, c -> {
            CreditsReservation r = select(c, query, JdbcCreditsBook::reservation, key).stream().findFirst()
                    .orElse(null);
            if (r == null || update(c, "DELETE FROM deepenrich_credit_reservations WHERE reservation_id = ?",
                    r.id()) == 0) {
                return null;
            }
            update(c, "UPDATE deepenrich_credits SET reserved = reserved - ?, spent = spent + ? WHERE account = ?"
                      + " AND period = ?",
                    r.credits(), spent, r.account(), r.period());
            return r;
        });
    }

    @Override
    public CreditsTotals totals(String account, String period) {
        return inTransaction("read the credits of " + period, c -> select(c,
                "SELECT reserved, spent FROM deepenrich_credits WHERE account = ? AND period = ?",
                rs -> new CreditsTotals(rs.getLong(1), rs.getLong(2)), account, period).stream().findFirst()
                .orElse(CreditsTotals.ZERO));
    }

    @Override
    public List<CreditsReservation> purge(Instant before) {
        List<CreditsReservation> old = inTransaction("find old reservations",
                c -> select(c, RESERVATION + " WHERE reserved_at < ?", JdbcCreditsBook::reservation, before));
        List<CreditsReservation> released = new ArrayList<>();
        for (CreditsReservation r : old) {
            CreditsReservation mine = release(RESERVATION + " WHERE reservation_id = ?", r.id(), 0);
            if (mine != null) {
                released.add(mine);
            }
        }
        inTransaction("drop ended periods",
                c -> update(c, "DELETE FROM deepenrich_credits WHERE period_end < ?", before));
        return released;
    }

    private static CreditsReservation reservation(ResultSet rs) throws SQLException {
        return new CreditsReservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7));
    }

    /** Runs {@code work} in one transaction, whatever the pool's auto-commit. */
    private <T> T inTransaction(String what, JdbcStatements.Work<T> work) {
        return JdbcStatements.atomically(dataSource.get(), "credits book", what, work);
    }
}
