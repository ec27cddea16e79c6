package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The reservations and spend of {@code creditsBudget}, per account and period: the in-memory ledger keeps them for
 * one JVM from its start, the file ledger across restarts of one instance, the JDBC ledger for every node of the
 * database. Each request reserves its worst case under its key before it is sent; its result settles the reservation
 * by that key into the real spend of the period it was reserved in, whether it arrives before or after the request's
 * answer. A request in doubt keeps its reservation: DeepEnrich may have charged it.
 * <p>
 * Expiry: a reservation no result settled is released by {@link #purge} once older than the caller's limit, and
 * the counts of a period are dropped once it ended before that limit ({@code none}'s count never ends).
 */
public interface CreditsBook {

    /** Remembers nothing and refuses nothing: the component then counts in memory, as the in-memory ledger. */
    CreditsBook NONE = new CreditsBook() {

        @Override
        public boolean reserve(CreditsReservation reservation, Instant periodEnd, long budget) {
            return true;
        }

        @Override
        public void cancel(String reservationId) {
        }

        @Override
        public boolean settle(String requestKey, long credits) {
            return false;
        }

        @Override
        public CreditsTotals totals(String account, String period) {
            return CreditsTotals.ZERO;
        }

        @Override
        public List<CreditsReservation> purge(Instant before) {
            return List.of();
        }
    };

    /**
     * Adds the reservation to its account's period (which ends at {@code periodEnd}, null: never) when the period's
     * spent and reserved credits and it fit in {@code budget} (0: always), in one step no other reservation of any
     * instance sharing the book can slip into; false when refused.
     */
    boolean reserve(CreditsReservation reservation, Instant periodEnd, long budget);

    /**
     * The request was not accepted, or was in doubt for longer than {@code inDoubtTimeout}: its credits are free
     * again.
     */
    void cancel(String requestKey);

    /**
     * The result of the request of {@code requestKey} cost {@code credits}: its reservation becomes that spend in the
     * period it was reserved in. False, changing nothing, when no reservation has that key (not reserved here, or
     * settled already).
     */
    boolean settle(String requestKey, long credits);

    CreditsTotals totals(String account, String period);

    /**
     * Releases the reservations made before {@code before} that no result settled, and drops the counts of periods
     * that ended before it; returns the released reservations.
     */
    List<CreditsReservation> purge(Instant before);
}
