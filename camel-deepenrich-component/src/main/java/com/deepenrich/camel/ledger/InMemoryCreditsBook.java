package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The credits book of the in-memory ledger: the counts of this JVM since it started. */
public class InMemoryCreditsBook implements CreditsBook {

    /** One account's count in one period, which ends at {@code end} (null: never). */
    protected record PeriodCount(String account, String period, Instant end, long reserved, long spent) {

        PeriodCount plus(long reservedChange, long spentChange) {
            return new PeriodCount(account, period, end, reserved + reservedChange, spent + spentChange);
        }
    }

    private final Map<String, PeriodCount> counts = new LinkedHashMap<>();
    private final Map<String, CreditsReservation> reservations = new LinkedHashMap<>();

    @Override
    public synchronized boolean reserve(CreditsReservation r, Instant periodEnd, long budget) {
        PeriodCount count = counts.computeIfAbsent(key(r.account(), r.period()),
                k -> new PeriodCount(r.account(), r.period(), periodEnd, 0, 0));
        if (budget > 0 && count.spent() + count.reserved() + r.credits() > budget) {
            return false;
        }
        counts.put(key(r.account(), r.period()), count.plus(r.credits(), 0));
        reservations.put(r.id(), r);
        return true;
    }

    @Override
    public synchronized void cancel(String requestKey) {
        release(requestKey, 0);
    }

    @Override
    public synchronized boolean settle(String requestKey, long credits) {
        return release(requestKey, credits) != null;
    }

    /** Takes the reservation out of its period's reserved credits, adding {@code spent}; null when it was not held. */
    private CreditsReservation release(String reservationId, long spent) {
        CreditsReservation r = reservations.remove(reservationId);
        if (r == null) {
            return null;
        }
        counts.computeIfPresent(key(r.account(), r.period()), (k, count) -> count.plus(-r.credits(), spent));
        return r;
    }

    @Override
    public synchronized CreditsTotals totals(String account, String period) {
        PeriodCount count = counts.get(key(account, period));
        return count == null ? CreditsTotals.ZERO : new CreditsTotals(count.reserved(), count.spent());
    }

    @Override
    public synchronized List<CreditsReservation> purge(Instant before) {
        List<CreditsReservation> released = new ArrayList<>();
        for (CreditsReservation r : List.copyOf(reservations.values())) {
            if (r.reservedAt().isBefore(before)) {
                released.add(release(r.id(), 0));
            }
        }
        counts.values().removeIf(count -> count.end() != null && count.end().isBefore(before));
        return released;
    }

    /** The counts kept, for a subclass that persists them. */
    protected synchronized Collection<PeriodCount> counts() {
        return List.copyOf(counts.values());
    }

    /** The reservations held, oldest first, for a subclass that persists them. */
    protected synchronized Collection<CreditsReservation> reservations() {
        return List.copyOf(reservations.values());
    }

    /** Puts back a count read from storage. */
    protected synchronized void restore(PeriodCount count) {
        counts.put(key(count.account(), count.period()), count);
    }

    /** Puts back a reservation read from storage. */
    protected synchronized void restore(CreditsReservation r) {
        reservations.put(r.id(), r);
    }

    private static String key(String account, String period) {
        return account + ' ' + period;
    }
}
