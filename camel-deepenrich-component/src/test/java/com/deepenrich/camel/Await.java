package com.deepenrich.camel;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** A bounded wait for a condition, checked every 20 ms for at most 10 s. */
final class Await {

    private static final long LIMIT_MILLIS = 10_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("not within " + LIMIT_MILLIS + " ms: " + what);
            }
            Thread.sleep(20);
        }
    }
}
