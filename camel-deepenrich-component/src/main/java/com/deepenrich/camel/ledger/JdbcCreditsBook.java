package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.deepenrich.camel.ledger.JdbcStatements.select;
import static com.deepenrich.camel.ledger.JdbcStatements.update;

/**
 * The credits book of the JDBC ledger, in two tables of the ledger's database ({@code <prefix>credits} and
 * {@code <prefix>credit_reservations}, DDL in the ledger's Javadoc), so that every node sharing it counts against one
 * budget. A reservation, keyed by its request's key, is one conditional {@code UPDATE} of its period's row (the row
 * lock serializes the nodes, and the condition is checked again on the row each one finds) and the insert of the
 * reservation, in one transaction: the nodes together never reserve more than the budget. {@code account} is a
 * SHA-256 digest of the base URL and API key; {@code period} is {@code all}, a UTC day ({@code 2026-12-06}) or a UTC
 * month ({@code 2026-12}).
 */
public class JdbcCreditsBook implements CreditsBook {

    private static final String STORE = "credits book";
    private static final String RESERVATION = "reservation_id, account, period, credits, request_name, reserved_at";

    private final JdbcDeepEnrichLedger ledger;

    JdbcCreditsBook(JdbcDeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    private JdbcTables tables() {
        return ledger.tables();
    }

    /** The first reservation of a period makes its row; two nodes making it at once: the second one runs again. */
    @Override
    public boolean reserve(CreditsReservation r, Instant periodEnd, long budget) {
        return ledger.transaction(STORE, "reserve " + r.credits() + " credits for request " + r.id(), c -> {
            JdbcTables t = tables();
            String fits = budget > 0 ? " AND spent + reserved + ? <= ?" : "";
            Object[] params = budget > 0
                    ? new Object[]{r.credits(), r.account(), r.period(), r.credits(), budget}
                    : new Object[]{r.credits(), r.account(), r.period()};
            String reserve = "UPDATE " + t.credits + " SET reserved = reserved + ? WHERE account = ? AND period = ?"
                             + fits;
            if (update(c, reserve, params) == 0) {
                if (periodExists(c, r)) {
                    // another node opened the period since (read committed): reserve in it, or the budget is passed
                    if (update(c, reserve, params) == 0) {
                        return false;
                    }
                } else if (budget > 0 && r.credits() > budget) {
                    return false;
                } else {
                    update(c, "INSERT INTO " + t.credits + " (account, period, period_end, reserved, spent) "
                              + "VALUES (?, ?, ?, ?, ?)",
                            r.account(), r.period(), periodEnd, r.credits(), 0L);
                }
            }
            update(c, "INSERT INTO " + t.reservations + " (" + RESERVATION + ") VALUES (?, ?, ?, ?, ?, ?)",
                    r.id(), r.account(), r.period(), r.credits(), JdbcDeepEnrichLedger.storable(r.requestName()),
                    r.reservedAt());
            return true;
        });
    }

    private boolean periodExists(Connection c, CreditsReservation r) throws SQLException {
        return !select(c, "SELECT 1 FROM " + tables().credits + " WHERE account = ? AND period = ?", rs -> true,
                r.account(), r.period()).isEmpty();
    }

    @Override
    public void cancel(String requestKey) {
        ledger.transaction(STORE, "cancel the reservation of request " + requestKey,
                c -> release(c, requestKey, 0));
    }

    @Override
    public boolean settle(String requestKey, long credits) {
        return ledger.transaction(STORE, "settle the reservation of request " + requestKey,
                c -> release(c, requestKey, credits)) != null;
    }

    /**
     * Deletes the reservation and moves its credits out of its period's reserved ones, adding {@code spent}; null when
     * there was none, or another node released it first.
     */
    private CreditsReservation release(Connection c, String requestKey, long spent) throws SQLException {
        JdbcTables t = tables();
        CreditsReservation r = select(c, "SELECT " + RESERVATION + " FROM " + t.reservations
                                         + " WHERE reservation_id = ?",
                JdbcCreditsBook::reservation, requestKey).stream().findFirst().orElse(null);
        if (r == null || update(c, "DELETE FROM " + t.reservations + " WHERE reservation_id = ?", r.id()) == 0) {
            return null;
        }
        update(c, "UPDATE " + t.credits + " SET reserved = reserved - ?, spent = spent + ? WHERE account = ? "
                  + "AND period = ?",
                r.credits(), spent, r.account(), r.period());
        return r;
    }

    @Override
    public CreditsTotals totals(String account, String period) {
        return ledger.transaction(STORE, "read the credits of " + period, c -> select(c,
                "SELECT reserved, spent FROM " + tables().credits + " WHERE account = ? AND period = ?",
                rs -> new CreditsTotals(rs.getLong(1), rs.getLong(2)), account, period).stream().findFirst()
                .orElse(CreditsTotals.ZERO));
    }

    @Override
    public List<CreditsReservation> purge(Instant before) {
        return ledger.transaction(STORE, "purge old reservations", c -> {
            List<CreditsReservation> released = new ArrayList<>();
            for (CreditsReservation old : select(c, "SELECT " + RESERVATION + " FROM " + tables().reservations
                                                    + " WHERE reserved_at < ? ORDER BY reserved_at",
                    JdbcCreditsBook::reservation, before)) {
                CreditsReservation mine = release(c, old.id(), 0);
                if (mine != null) {
                    released.add(mine);
                }
            }
            update(c, "DELETE FROM " + tables().credits + " WHERE period_end < ?", before);
            return released;
        });
    }

    private static CreditsReservation reservation(ResultSet rs) throws SQLException {
        return new CreditsReservation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), JdbcStatements.instant(rs, 6));
    }
}
