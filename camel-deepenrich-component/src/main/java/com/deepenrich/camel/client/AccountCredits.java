package com.deepenrich.camel.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.deepenrich.camel.CreditsBudgetPeriod;
import com.deepenrich.camel.DeepEnrichCreditsBudgetException;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.ledger.CreditsBook;
import com.deepenrich.camel.ledger.CreditsReservation;
import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.InMemoryCreditsBook;
import com.deepenrich.camel.model.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credits of one account as this component sees them: what its submissions may still commit under
 * {@code creditsBudget} in the current {@code creditsBudgetPeriod} (the worst case of each request is reserved in
 * the ledger's credits book until its result tells the real spend), and whether the API answered 402, in which case
 * submissions fail fast, without a request, until the balance (read at most once a minute) is positive again.
 * <p>
 * The account is named in the book by a digest of the base URL and API key, never by the key. A reservation no
 * result settled within {@link #RESERVATION_EXPIRY} (its answer or result was lost in a crash) is released: the
 * book is purged of it at the first reservation after the start, then at most once an hour.
 */
public final class AccountCredits {

    /** What one found email costs, and one found phone (DeepEnrich's documented prices). */
    public static final long EMAIL_CREDITS = 1;
    public static final long PHONE_CREDITS = 10;
    static final long BALANCE_CHECK_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);
    public static final Duration RESERVATION_EXPIRY = Duration.ofDays(1);
    static final long PURGE_INTERVAL_MILLIS = TimeUnit.HOURS.toMillis(1);

    private static final Logger LOG = LoggerFactory.getLogger(AccountCredits.class);

    private final long budget;
    private final CreditsBudgetPeriod period;
    private final String account;
    private final CreditsBook book;
    private final LongSupplier clock;
    private volatile CreditsTotals lastTotals = CreditsTotals.ZERO;
    private volatile long nextPurge;
    private volatile boolean exhausted;
    private volatile long lastBalanceCheck;

    /**
     * {@code budget}: credits the account's submissions may commit in each {@code period}; 0 for no cap.
     * {@code account}: the account's name in {@code book} (see {@link #accountOf}).
     */
    public AccountCredits(long budget, CreditsBudgetPeriod period, String account, CreditsBook book) {
        this(budget, period, account, book, System::currentTimeMillis);
    }

    AccountCredits(long budget, LongSupplier clock) {
        this(budget, CreditsBudgetPeriod.none, accountOf("", ""), new InMemoryCreditsBook(), clock);
    }

    AccountCredits(long budget, CreditsBudgetPeriod period, String account, CreditsBook book, LongSupplier clock) {
        this.budget = budget;
        this.period = period;
        this.account = account;
        this.book = book;
        this.clock = clock;
    }

    /** The account's name in a credits book: the SHA-256 of its base URL and API key, in hex. */
    public static String accountOf(String baseUrl, String apiKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((baseUrl + '\n' + apiKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The most a request of these contacts can cost: 1 per contact asking for emails, 10 per one asking for phones. */
    public static long worstCase(List<Contact> contacts) {
        long credits = 0;
        for (Contact c : contacts) {
            List<String> fields = c.getEnrichFields();
            credits += (fields.contains("contact.emails") ? EMAIL_CREDITS : 0)
                       + (fields.contains("contact.phones") ? PHONE_CREDITS : 0);
        }
        return credits;
    }

    /**
     * Reserves {@code credits} for a request about to be sent, under its key, in the current period; refused when the
     * budget would be passed, or when the book cannot record it.
     */
    public void reserve(String requestKey, long credits, String requestName) {
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        purgeExpired(now);
        CreditsReservation reservation = new CreditsReservation(requestKey, account, period.key(now), credits,
                requestName, now);
        boolean reserved;
        try {
            reserved = book.reserve(reservation, period.end(now), budget);
        } catch (RuntimeException e) {
            throw DeepEnrichException.local("credits.book", "the credits budget's book could not reserve " + credits
                                                            + " credits, so the request was not sent: "
                                                            + e.getMessage(),
                    requestName, e);
        }
        if (!reserved) {
            CreditsTotals totals = totals();
            throw new DeepEnrichCreditsBudgetException(budget, totals.spent(), totals.reserved(), credits, requestName);
        }
    }

    /** The request was not accepted, or stayed in doubt too long: its reservation is given back. */
    public void cancel(String requestKey) {
        keep("give back the reservation of request " + requestKey, () -> book.cancel(requestKey));
    }

    /** The result of the request of {@code requestKey} tells what it really cost: its reservation becomes that spend. */
    public void settle(String requestKey, long credits) {
        keep("settle the reservation of request " + requestKey, () -> book.settle(requestKey, credits));
    }

    /** A book that fails after the request was decided must not fail the flow: the reservation expires instead. */
    private static void keep(String what, Runnable change) {
        try {
            change.run();
        } catch (RuntimeException e) {
            LOG.warn("The credits budget's book could not {}: {}; a reservation it left is released after {}", what,
                    e.getMessage(), RESERVATION_EXPIRY);
        }
    }

    private void purgeExpired(Instant now) {
        if (now.toEpochMilli() < nextPurge) {
            return;
        }
        nextPurge = now.toEpochMilli() + PURGE_INTERVAL_MILLIS;
        try {
            List<CreditsReservation> released = book.purge(now.minus(RESERVATION_EXPIRY));
            if (!released.isEmpty()) {
                LOG.warn("Released {} credits reservations no result settled within {} (their request's answer or "
                         + "result was lost): {}",
                        released.size(), RESERVATION_EXPIRY, released.stream()
                                .map(r -> r.credits() + " credits of '" + r.requestName() + "' at " + r.reservedAt())
                                .toList());
            }
        } catch (RuntimeException e) {
            LOG.warn("The credits budget's book could not be purged of expired reservations: {}", e.getMessage());
        }
    }

    public long budget() {
        return budget;
    }

    /**
     * The credits reserved and spent in the current period, as the book tells them (shared by every node of a JDBC
     * ledger); when the book cannot be read, the last counts read.
     */
    public CreditsTotals totals() {
        try {
            lastTotals = book.totals(account, period.key(Instant.ofEpochMilli(clock.getAsLong())));
        } catch (RuntimeException e) {
            LOG.warn("The credits budget's book could not be read, its last counts are shown: {}", e.getMessage());
        }
        return lastTotals;
    }

    /** The API answered 402: submissions fail fast until the balance is positive again. */
    public void exhausted() {
        exhausted = true;
        lastBalanceCheck = clock.getAsLong();
    }

    public boolean isExhausted() {
        return exhausted;
    }

    /**
     * Completes when a submission may be sent: at once unless a 402 was seen; then only once the balance, read at
     * most once a minute, is positive again; otherwise fails without a request.
     */
    public CompletableFuture<Void> ensureCredits(DeepEnrichClient client, String requestName) {
        if (!exhausted) {
            return CompletableFuture.completedFuture(null);
        }
        long now = clock.getAsLong();
        long sinceCheck = now - lastBalanceCheck;
        if (sinceCheck < BALANCE_CHECK_INTERVAL_MILLIS) {
            long ago = TimeUnit.MILLISECONDS.toSeconds(sinceCheck);
            long next = TimeUnit.MILLISECONDS.toSeconds(BALANCE_CHECK_INTERVAL_MILLIS - sinceCheck);
            return CompletableFuture.failedFuture(outOfCredits(requestName, "the account answered 402 " + ago
                                                                            + " s ago; not sent, the balance is read "
                                                                            + "again in " + next + " s"));
        }
        lastBalanceCheck = now;
        return client.getCredits().thenApply(balance -> {
            if (balance <= 0) {
                throw outOfCredits(requestName, "the account's balance is " + balance + "; not sent");
            }
            exhausted = false;
            return null;
        });
    }

    private static DeepEnrichInsufficientCreditsException outOfCredits(String requestName, String why) {
        return new DeepEnrichInsufficientCreditsException("credits.exhausted", why, 0, requestName, null);
    }
}
