package com.deepenrich.camel.examples.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a run needed: the largest heap in use seen every 10 ms, and the largest heap in use right after any garbage
 * collection (an upper bound of the live set while the run goes on; no collection is forced, as a full collection
 * stops the run). {@link #liveNow} forces one, at the end.
 */
final class HeapWatcher implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("heap"));
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    /** The heap's pools: a collection's figures also list Metaspace and the code cache, which are not the heap. */
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    HeapWatcher() {
        sampler.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 10, TimeUnit.MILLISECONDS);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
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

    /** The heap in use right after a full collection forced now: what is live. */
    long liveNow() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
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
