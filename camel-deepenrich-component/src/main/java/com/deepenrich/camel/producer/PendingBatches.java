package com.deepenrich.camel.producer;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Back-pressure for {@code bulk}: counts the batches handed to the component whose requests the API has not
 * answered yet, and makes the thread that brings one more wait while {@code max} are pending. That thread is the
 * source's own (the one that completed an aggregation group, or called the producer), as seda's
 * {@code blockWhenFull} makes a producer wait. Two kinds of thread never wait here, whatever they are named: the
 * component's own (its senders and scheduler, made by a {@link #componentThreads} factory), which are what frees room,
 * and event loops (Vert.x's, behind platform-http), which must never block.
 * <p>
 * A closed gate (the component stopping) lets everyone through, so a shutdown never waits on it.
 */
public final class PendingBatches {

    /** Exchange property: the {@link Admission} of an exchange completed by DeepEnrichAggregationStrategy. */
    public static final String ADMISSION = "CamelDeepEnrichAdmission";

    /** Set on the threads of the component's own pools for their whole life. */
    private static final ThreadLocal<Boolean> COMPONENT_THREAD = new ThreadLocal<>();

    private final int max;
    private final BooleanSupplier onEventLoop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private int pending;
    private long waits;
    private int peak;
    private boolean closed;

    /** {@code max <= 0}: no bound; {@code onEventLoop}: whether the current thread is an event loop. */
    public PendingBatches(int max, BooleanSupplier onEventLoop) {
        this.max = max;
        this.onEventLoop = onEventLoop;
    }

    /**
     * Counts one more pending batch, first waiting while {@code max} are pending if {@code mayWait} and the current
     * thread may block (see {@link #mayWaitOnThisThread()}); an interrupted wait gives up waiting (the batch is still
     * counted, so nothing is lost) and keeps the interrupt flag.
     */
    public Admission admit(boolean mayWait) {
        boolean holdsBack = mayWait && max > 0 && mayWaitOnThisThread();
        lock.lock();
        try {
            boolean waited = false;
            while (holdsBack && pending >= max && !closed) {
                waited = true;
                try {
                    roomFreed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (waited) {
                waits++;
            }
            pending++;
            peak = Math.max(peak, pending);
            return new Admission(this);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the current thread may wait for room: not one of the component's own threads (they are what frees room)
     * and not an event loop, which must never block.
     */
    boolean mayWaitOnThisThread() {
        return COMPONENT_THREAD.get() == null && !onEventLoop.getAsBoolean();
    }

    /** {@code factory}'s threads, marked as the component's own for their whole life: they never wait for room. */
    public static ThreadFactory componentThreads(ThreadFactory factory) {
        return task -> factory.newThread(() -> {
            COMPONENT_THREAD.set(Boolean.TRUE);
            task.run();
        });
    }

    /** Lets every waiter through, now and until {@link #open()}. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeoutMillis} for every pending batch to be answered; true when none is left. */
    public boolean awaitNonePending(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                roomFreed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public void open() {
        lock.lock();
        try {
            closed = false;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            pending--;
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int getMax() {
        return max;
    }

    /** Batches handed to the component and not answered by the API yet. */
    public int getPending() {
        lock.lock();
        try {
            return pending;
        } finally {
            lock.unlock();
        }
    }

    /** The most batches ever pending at once. */
    public int getPeak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** How many admissions had to wait for room. */
    public long getWaits() {
        lock.lock();
        try {
            return waits;
        } finally {
            lock.unlock();
        }
    }

    /** One admitted batch; released once, by whichever comes first: the API's answer or the end of its exchange. */
    public static final class Admission {

        private final PendingBatches gate;
        private final AtomicBoolean released = new AtomicBoolean();

        private Admission(PendingBatches gate) {
            this.gate = gate;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                gate.release();
            }
        }

        public boolean isReleased() {
            return released.get();
        }
    }
}
