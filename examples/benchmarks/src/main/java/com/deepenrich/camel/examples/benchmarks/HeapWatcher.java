package com.deepenrich.camel.examples.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a run needed: the largest heap in use seen every 10 ms, the largest heap in use right after any garbage
 * collection, and the largest live set, measured by a full collection forced every second (what {@code -Xmx} must
 * hold).
 */
final class HeapWatcher implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("heap"));
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();

    HeapWatcher() {
        sampler.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 10, TimeUnit.MILLISECONDS);
        // after a young collection the old generation still holds garbage: a full collection every second measures
        // what is really live
        sampler.scheduleAtFixedRate(() -> {
            memory.gc();
            peakLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }, 1, 1, TimeUnit.SECONDS);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    peakAfterGc.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
    }

    long peakUsedBytes() {
        return Math.max(peakUsed.get(), memory.getHeapMemoryUsage().getUsed());
    }

    long peakAfterGcBytes() {
        return peakAfterGc.get();
    }

    /** The largest heap in use right after the forced full collections (one a second). */
    long peakLiveBytes() {
        return peakLive.get();
    }

    long maxHeapBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
