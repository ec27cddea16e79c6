package com.deepenrich.camel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BooleanSupplier;

import org.apache.camel.spi.ClassResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the current thread is an event loop, which must never block: Vert.x's ({@code Context.isOnEventLoopThread()}),
 * behind platform-http and Quarkus, when Vert.x is on the class path. The component does not depend on Vert.x: its
 * check is found by name.
 */
final class EventLoopThreads {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopThreads.class);
    private static final String VERTX_CONTEXT = "io.vertx.core.Context";

    private EventLoopThreads() {
    }

    /** The check of Vert.x's event loops, or one that always answers false without Vert.x. */
    static BooleanSupplier vertx(ClassResolver classes) {
        Class<?> context = classes.resolveClass(VERTX_CONTEXT);
        if (context == null) {
            return () -> false;
        }
        MethodHandle onEventLoop;
        try {
            onEventLoop = MethodHandles.publicLookup().findStatic(context, "isOnEventLoopThread",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            LOG.warn("{} has no isOnEventLoopThread(): a bulk producer called on a Vert.x event loop may block it "
                     + "while maxPendingBatches batches are unanswered",
                    VERTX_CONTEXT);
            return () -> false;
        }
        return () -> {
            try {
                return (boolean) onEventLoop.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("Vert.x could not tell whether this thread is an event loop", e);
            }
        };
    }
}
