package com.deepenrich.camel.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.deepenrich.camel.DeepEnrichCreditsBudgetException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.model.Contact;

/**
 * The credits of one account as this component sees them: what its submissions may still commit under
 * {@code creditsBudget} (the worst case of each accepted request is reserved until its result tells the real
 * spend), and whether the API answered 402, in which case submissions fail fast, without a request, until the
 * balance (read at most once a minute) is positive again.
 */
public final class AccountCredits {

    /** What one found email costs, and one found phone (DeepEnrich's documented prices). */
    public static final long EMAIL_CREDITS = 1;
    public static final long PHONE_CREDITS = 10;
    static final long BALANCE_CHECK_INTERVAL_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final long budget;
    private final LongSupplier clock;
    private final Map<String, Long> reservedById = new ConcurrentHashMap<>();
    private long reserved;
    private long spent;
    private volatile boolean exhausted;
    private volatile long lastBalanceCheck;

    /** {@code budget}: credits the account's submissions may commit in all; 0 for no cap. */
    public AccountCredits(long budget) {
        this(budget, System::currentTimeMillis);
    }

    AccountCredits(long budget, LongSupplier clock) {
        this.budget = budget;
        this.clock = clock;
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

    /** Reserves {@code credits} for a request about to be sent; refused when the budget would be passed. */
    public void reserve(long credits, String requestName) {
        synchronized (this) {
            if (budget <= 0 || spent + reserved + credits <= budget) {
                reserved += credits;
                return;
            }
        }
        throw new DeepEnrichCreditsBudgetException(budget, spent(), reserved(), credits, requestName);
    }

    /** The request was not accepted: its reservation is given back. */
    public synchronized void cancel(long credits) {
        reserved -= credits;
    }

    /** The request was accepted as {@code enrichmentId}: its reservation holds until its result is settled. */
    public void accepted(String enrichmentId, long credits) {
        reservedById.put(enrichmentId, credits);
    }

    /** The result of {@code enrichmentId} tells what it really cost: the reservation becomes that spend. */
    public void settle(String enrichmentId, long credits) {
        Long held = reservedById.remove(enrichmentId);
        if (held != null) {
            synchronized (this) {
                reserved -= held;
                spent += credits;
            }
        }
    }

    public long budget() {
        return budget;
    }

    public synchronized long reserved() {
        return reserved;
    }

    public synchronized long spent() {
        return spent;
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
