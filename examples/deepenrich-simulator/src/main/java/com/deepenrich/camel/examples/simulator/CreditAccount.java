package com.deepenrich.camel.examples.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace's credit balance, shared by all API keys.
 */
final class CreditAccount {

    private final AtomicLong balance;

    CreditAccount(long initialBalance) {
        this.balance = new AtomicLong(initialBalance);
    }

    long balance() {
        return balance.get();
    }

    void setBalance(long newBalance) {
        balance.set(newBalance);
    }

    /** Takes {@code credits} from the balance if it covers them, atomically. */
    boolean tryCharge(long credits) {
        long current;
        do {
            current = balance.get();
            if (current < credits) {
                return false;
            }
        } while (!balance.compareAndSet(current, current - credits));
        return true;
    }
}
