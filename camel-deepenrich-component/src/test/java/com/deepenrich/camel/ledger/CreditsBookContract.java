package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.deepenrich.camel.model.RequestNames;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger's credits book must do; each ledger kind's test extends this. */
abstract class CreditsBookContract {

    static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
    static final Instant END_OF_JANUARY = Instant.parse("2026-02-01T00:00:00Z");
    static final String ACCOUNT = "account-a";
    static final String JANUARY = "2026-01";

    /** A fresh, empty book. */
    abstract CreditsBook book();

    /** What another instance sharing the last {@link #book()}'s storage sees (the same book where none can share). */
    abstract CreditsBook another();

    /** A reservation under a new request key, as the producer makes one before its request is sent. */
    static CreditsReservation reservation(String account, String period, long credits) {
        return new CreditsReservation(RequestNames.newKey(), account, period, credits, "job", T0);
    }

    static CreditsReservation reservation(long credits) {
        return reservation(ACCOUNT, JANUARY, credits);
    }

    static CreditsTotals totals(long reserved, long spent) {
        return new CreditsTotals(reserved, spent);
    }

    @Test
    void reservesWhileTheBudgetAllowsAndRefusesWhatWouldPassIt() throws Exception {
        CreditsBook book = book();

        assertTrue(book.reserve(reservation(100), END_OF_JANUARY, 250));
        assertTrue(book.reserve(reservation(100), END_OF_JANUARY, 250));
        assertFalse(book.reserve(reservation(100), END_OF_JANUARY, 250), "300 would pass 250");
        assertTrue(book.reserve(reservation(50), END_OF_JANUARY, 250), "exactly the budget fits");

        assertEquals(totals(250, 0), book.totals(ACCOUNT, JANUARY));
    }

    @Test
    void aRequestAskingMoreThanTheWholeBudgetIsRefusedInAnEmptyPeriod() throws Exception {
        CreditsBook book = book();

        assertFalse(book.reserve(reservation(300), END_OF_JANUARY, 250));

        assertEquals(totals(0, 0), book.totals(ACCOUNT, JANUARY));
    }

    @Test
    void aCanceledReservationFreesItsCredits() throws Exception {
        CreditsBook book = book();
        CreditsReservation refused = reservation(200);
        book.reserve(refused, END_OF_JANUARY, 250);

        book.cancel(refused.id());
        book.cancel(refused.id());

        assertEquals(totals(0, 0), book.totals(ACCOUNT, JANUARY), "given back once");
        assertTrue(book.reserve(reservation(250), END_OF_JANUARY, 250));
    }

    @Test
    void theResultSettlesItsReservationIntoTheRealSpendOnce() throws Exception {
        CreditsBook book = book();
        CreditsReservation r = reservation(100);
        book.reserve(r, END_OF_JANUARY, 250);
        book.reserve(reservation(100), END_OF_JANUARY, 250);

        assertTrue(book.settle(r.id(), 30), "by its request's key, whether or not the request's answer came");
        assertFalse(book.settle(r.id(), 30), "a result emitted again is not counted twice");

        assertEquals(totals(100, 30), book.totals(ACCOUNT, JANUARY));
        assertTrue(book.reserve(reservation(120), END_OF_JANUARY, 250), "30 spent + 100 reserved + 120 fit");
    }

    @Test
    void aResultNoReservationHoldsChangesNothing() throws Exception {
        CreditsBook book = book();
        CreditsReservation notAccepted = reservation(100);
        book.reserve(notAccepted, END_OF_JANUARY, 250);

        assertFalse(book.settle("otherkey", 11), "a request of another application");

        assertEquals(totals(100, 0), book.totals(ACCOUNT, JANUARY));
    }

    @Test
    void eachAccountAndPeriodHasItsOwnCount() throws Exception {
        CreditsBook book = book();
        book.reserve(reservation(ACCOUNT, JANUARY, 100), END_OF_JANUARY, 100);

        assertTrue(book.reserve(reservation("account-b", JANUARY, 100), END_OF_JANUARY, 100));
        assertTrue(book.reserve(reservation(ACCOUNT, "2026-02", 100), Instant.parse("2026-03-01T00:00:00Z"), 100));

        assertEquals(totals(100, 0), book.totals(ACCOUNT, JANUARY));
        assertEquals(totals(0, 0), book.totals(ACCOUNT, "2026-03"), "nothing reserved yet");
    }

    @Test
    void withoutBudgetEveryReservationIsCounted() throws Exception {
        CreditsBook book = book();
        CreditsReservation r = reservation("account-b", "all", 1_000_000);

        assertTrue(book.reserve(r, null, 0));
        book.settle(r.id(), 42);

        assertEquals(totals(0, 42), book.totals("account-b", "all"));
    }

    @Test
    void purgeReleasesTheReservationsMadeBeforeItsLimitAndDropsThePeriodsEndedBefore() throws Exception {
        CreditsBook book = book();
        CreditsReservation lost = reservation(100);
        book.reserve(lost, END_OF_JANUARY, 0);
        book.reserve(new CreditsReservation("young", ACCOUNT, JANUARY, 10, "job", T0.plusSeconds(60)),
                END_OF_JANUARY, 0);
        book.reserve(new CreditsReservation("young-b", "account-b", "all", 7, "job", T0.plusSeconds(60)), null, 0);

        List<CreditsReservation> released = book.purge(T0.plusSeconds(1));

        assertEquals(List.of(lost), released);
        assertEquals(totals(10, 0), book.totals(ACCOUNT, JANUARY));
        assertFalse(book.settle(lost.id(), 11), "its late result no longer counts");

        book.purge(END_OF_JANUARY.plus(Duration.ofDays(1)));

        assertEquals(totals(0, 0), book.totals(ACCOUNT, JANUARY), "January dropped, its reservations released");
        assertEquals(totals(0, 0), book.totals("account-b", "all"), "released");
        CreditsReservation again = reservation("account-b", "all", 5);
        book.reserve(again, null, 0);
        book.settle(again.id(), 5);
        book.purge(Instant.parse("2100-01-01T00:00:00Z"));
        assertEquals(totals(0, 5), book.totals("account-b", "all"), "a period that never ends is never dropped");
    }

    @Test
    void manyReservingAtOnceNeverPassTheBudgetTogether() throws Exception {
        CreditsBook first = book();
        first.reserve(reservation(1), END_OF_JANUARY, 1000); // the period exists: the race is on its count

        List<Boolean> reserved = atOnce(16, i -> {
            CreditsBook book = i % 2 == 0 ? first : another();
            return () -> book.reserve(reservation(100), END_OF_JANUARY, 1000);
        });

        assertEquals(9, reserved.stream().filter(r -> r).count(), "1 + 9 x 100 fit in 1000, not a tenth");
        assertEquals(totals(901, 0), first.totals(ACCOUNT, JANUARY));
    }

    @Test
    void manyOpeningAPeriodAtOnceShareOneCount() throws Exception {
        CreditsBook first = book();

        List<Boolean> reserved = atOnce(8, i -> {
            CreditsBook book = i % 2 == 0 ? first : another();
            return () -> book.reserve(reservation(100), END_OF_JANUARY, 500);
        });

        assertEquals(5, reserved.stream().filter(r -> r).count());
        assertEquals(totals(500, 0), first.totals(ACCOUNT, JANUARY));
    }

    @Test
    void manyOpeningAPeriodWithoutABudgetAreEachReserved() throws Exception {
        CreditsBook first = book();

        List<Boolean> reserved = atOnce(16, i -> {
            CreditsBook book = i % 2 == 0 ? first : another();
            return () -> book.reserve(reservation(100), END_OF_JANUARY, 0);
        });

        assertEquals(16, reserved.stream().filter(r -> r).count(), "no budget refuses no one");
        assertEquals(totals(1600, 0), first.totals(ACCOUNT, JANUARY));
    }
}
