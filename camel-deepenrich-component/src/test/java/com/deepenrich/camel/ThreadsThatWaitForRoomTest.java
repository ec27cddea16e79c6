package com.deepenrich.camel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.producer.PendingBatches;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who waits for back-pressure room while the component's {@code maxPendingBatches} are unanswered: a source's thread
 * does, whatever its name; the component's own senders and scheduler (they free room) and Vert.x event loops
 * (platform-http's, which must never block) do not.
 */
@Timeout(60)
class ThreadsThatWaitForRoomTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final DeepEnrichComponent component = new DeepEnrichComponent();
    private final List<PendingBatches.Admission> admitted = new CopyOnWriteArrayList<>();
    private PendingBatches gate;

    @BeforeEach
    void fullGate() {
        component.setMaxPendingBatches(1);
        camel.addComponent("deepenrich", component);
        camel.start();
        gate = component.pendingBatches();
        admit(false);
    }

    @AfterEach
    void stop() {
        admitted.forEach(PendingBatches.Admission::release); // a stop waits for pending batches to be answered
        camel.stop();
    }

    @Test
    void theComponentsSendersAndSchedulerDoNotWaitWhateverCamelNamesThem() throws Exception {
        camel.getExecutorServiceManager().setThreadNamePattern("#name# #counter#"); // before the pools are made

        component.senders().submit(() -> admit(true)).get(10, TimeUnit.SECONDS);
        component.scheduler().submit(() -> admit(true)).get(10, TimeUnit.SECONDS);

        assertEquals(3, gate.getPending());
        assertEquals(0, gate.getWaits());
    }

    @Test
    void aSourceThreadWaitsThoughNamedLikeTheComponentsSenders() throws Exception {
        Thread source = new Thread(() -> admit(true), "Camel (camel-1) thread #1 - DeepEnrichSend");
        source.start();
        await().atMost(10, TimeUnit.SECONDS).until(() -> waitsInTheGate(source));
        assertEquals(1, gate.getPending(), "held back");

        admitted.get(0).release();
        source.join(10_000);

        assertEquals(1, gate.getPending());
        assertEquals(1, gate.getWaits());
    }

    @Test
    void aVertxEventLoopDoesNotWaitAndAWorkerThreadDoes() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Void> onEventLoop = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                admit(true);
                onEventLoop.complete(null);
            });
            onEventLoop.get(10, TimeUnit.SECONDS);
            assertEquals(2, gate.getPending());
            assertEquals(0, gate.getWaits());

            vertx.executeBlocking(() -> admit(true));
            await().atMost(10, TimeUnit.SECONDS).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("vert.x-worker-thread") && waitsInTheGate(t)));
            admitted.forEach(PendingBatches.Admission::release);
            await().atMost(10, TimeUnit.SECONDS).until(() -> gate.getPending() == 1);
            assertEquals(1, gate.getWaits());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private PendingBatches.Admission admit(boolean mayWait) {
        PendingBatches.Admission admission = gate.admit(mayWait);
        admitted.add(admission);
        return admission;
    }

    private static boolean waitsInTheGate(Thread thread) {
        return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(PendingBatches.class.getName()));
    }
}
