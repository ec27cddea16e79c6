package com.deepenrich.camel.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.deepenrich.camel.CreditsBudgetPeriod;
import com.deepenrich.camel.DeepEnrichCreditsBudgetException;
import com.deepenrich.camel.ledger.CreditsBook;
import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.InMemoryCreditsBook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The budget's count starts again with each period (UTC), on a clock the test moves. */
class CreditsBudgetPeriodTest {

    private final AtomicLong now = new AtomicLong();
    private final CreditsBook book = new InMemoryCreditsBook();
    private final String account = AccountCredits.accountOf("http://127.0.0.1/api/v1", "key");

    private AccountCredits credits(long budget, CreditsBudgetPeriod period) {
        return new AccountCredits(budget, period, account, book, now::get);
    }

    private void at(String instant) {
        now.set(Instant.parse(instant).toEpochMilli());
    }

    /** A request of key {@code key} and 100 credits at worst, sent now. */
    private static void accepted(AccountCredits credits, String key) {
        credits.reserve(key, 100, "job #" + key);
    }

    @Test
    void theMonthlyCountStartsAgainAtMidnightUtcOnTheFirst() {
        AccountCredits credits = credits(100, CreditsBudgetPeriod.month);
        at("2026-01-31T23:59:59Z");
        credits.reserve("k2", 100, "job");
        assertThrows(DeepEnrichCreditsBudgetException.class, () -> credits.reserve("k3", 1, "job"));

        at("2026-02-01T00:00:00Z");

        assertDoesNotThrow(() -> credits.reserve("k4", 100, "job"));
        assertEquals(new CreditsTotals(100, 0), credits.totals());
    }

    @Test
    void theDailyCountStartsAgainAtMidnightUtc() {
        AccountCredits credits = credits(100, CreditsBudgetPeriod.day);
        at("2026-03-29T23:30:00Z"); // 01:30 the next day in Paris: the period is UTC's
        credits.reserve("k5", 100, "job");
        assertThrows(DeepEnrichCreditsBudgetException.class, () -> credits.reserve("k6", 1, "job"));

        at("2026-03-30T00:00:00Z");

        assertDoesNotThrow(() -> credits.reserve("k7", 100, "job"));
    }

    @Test
    void withoutPeriodTheCountNeverStartsAgain() {
        AccountCredits credits = credits(100, CreditsBudgetPeriod.none);
        at("2026-01-31T12:00:00Z");
        accepted(credits, "key00001");
        credits.settle("key00001", 100);

        at("2027-06-01T00:00:00Z");

        assertThrows(DeepEnrichCreditsBudgetException.class, () -> credits.reserve("k8", 1, "job"));
        assertEquals(new CreditsTotals(0, 100), credits.totals());
    }

    @Test
    void aResultAfterTheRolloverCountsInThePeriodItWasReservedIn() {
        AccountCredits credits = credits(100, CreditsBudgetPeriod.month);
        at("2026-01-31T23:59:00Z");
        accepted(credits, "key00001");

        at("2026-02-01T00:01:00Z");
        credits.settle("key00001", 30);

        assertEquals(CreditsTotals.ZERO, credits.totals(), "February starts empty");
        assertEquals(new CreditsTotals(0, 30), book.totals(account, "2026-01"));
    }

    @Test
    void aReservationNoResultSettledIsReleasedAfterADay() {
        AccountCredits credits = credits(100, CreditsBudgetPeriod.none);
        at("2026-01-10T12:00:00Z");
        credits.reserve("k9", 100, "crashed before its answer"); // never accepted, never canceled
        assertThrows(DeepEnrichCreditsBudgetException.class, () -> credits.reserve("k10", 1, "job"));

        now.addAndGet(AccountCredits.RESERVATION_EXPIRY.plus(Duration.ofHours(1)).toMillis());

        assertDoesNotThrow(() -> credits.reserve("k11", 100, "job"));
        assertEquals(new CreditsTotals(100, 0), credits.totals(), "the lost reservation released, the new one held");
    }

    @Test
    void periodsAreNamedAndEndInUtc() {
        Instant at = Instant.parse("2026-12-31T23:00:00Z");

        assertEquals("all", CreditsBudgetPeriod.none.key(at));
        assertNull(CreditsBudgetPeriod.none.end(at));
        assertEquals("2026-12-31", CreditsBudgetPeriod.day.key(at));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), CreditsBudgetPeriod.day.end(at));
        assertEquals("2026-12", CreditsBudgetPeriod.month.key(at));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), CreditsBudgetPeriod.month.end(at));
    }

    @Test
    void theAccountIsNamedByADigestNotByItsKey() {
        String name = AccountCredits.accountOf("https://app.deepenrich.com/api/v1", "secret-key");

        assertEquals(64, name.length());
        assertFalse(name.contains("secret"));
        assertFalse(name.equals(AccountCredits.accountOf("https://app.deepenrich.com/api/v1", "other-key")));
    }
}
