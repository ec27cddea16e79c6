package com.deepenrich.camel.examples.benchmarks.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A bounded wait on a condition, checked every 50 ms. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + state.get());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until {@code condition} has held without interruption for {@code stable}. */
    static void stableFor(Duration stable, Duration timeout, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long heldSince = -1;
        while (heldSince < 0 || System.nanoTime() - heldSince < stable.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not stable for " + stable + " within " + timeout + ": " + state.get());
            }
            if (!condition.getAsBoolean()) {
                heldSince = -1;
            } else if (heldSince < 0) {
                heldSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }
}
