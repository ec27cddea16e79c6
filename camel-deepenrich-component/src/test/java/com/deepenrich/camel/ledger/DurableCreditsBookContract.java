package com.deepenrich.camel.ledger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A credits book that outlives its process (file, JDBC): what a restart finds. */
abstract class DurableCreditsBookContract extends CreditsBookContract {

    /** The book a restarted application finds on the last {@link #book()}'s storage. */
    abstract CreditsBook reopened();

    @Test
    void aRestartKeepsTheSpendAndTheReservationsAndTheirResultsSettleThemByRequestKey() throws Exception {
        CreditsBook before = book();
        CreditsReservation running = reservation(100);
        CreditsReservation finished = reservation(100);
        before.reserve(running, END_OF_JANUARY, 250);
        before.reserve(finished, END_OF_JANUARY, 250);
        before.settle(finished.id(), 30);

        CreditsBook after = reopened();

        assertEquals(totals(100, 30), after.totals(ACCOUNT, JANUARY));
        assertFalse(after.reserve(reservation(150), END_OF_JANUARY, 250), "30 + 100 + 150 would pass 250");
        assertTrue(after.settle(running.id(), 11), "the result that comes after the restart");
        assertEquals(totals(0, 41), after.totals(ACCOUNT, JANUARY));
    }
}
