package com.deepenrich.camel.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Small helpers for the component's non-blocking flows. */
public final class Futures {

    private Futures() {
    }

    /** Runs {@code next} after {@code delayMillis} on the scheduler, without holding a thread meanwhile. */
    public static <T> CompletableFuture<T> after(ScheduledExecutorService scheduler, long delayMillis,
                                                 Supplier<CompletableFuture<T>> next) {
        CompletableFuture<T> result = new CompletableFuture<>();
        scheduler.schedule(() -> {
            try {
                next.get().whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
        return result;
    }

    /** The failure a future's wrapper exceptions hide. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
