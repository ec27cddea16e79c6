package com.deepenrich.camel.examples.simulator;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder()
                .processingLatency(Duration.ofMillis(50))
                .requestsPerMinute(0)
                .webhookRetryInterval(Duration.ofMillis(100));
    }

    @Test
    void webhookFailingTwiceIsDeliveredOnTheThirdAttempt() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build());
                WebhookReceiver receiver = new WebhookReceiver(List.of(500, 500), 200)) {
            SimulatorClient client = new SimulatorClient(simulator);
            ObjectNode bulk = Fixtures.people("webhook", 2).put("webhook_url", receiver.url());
            String id = client.submit(bulk);

            List<String> bodies = receiver.awaitBodies(3, TIMEOUT);
            awaitCount(() -> simulator.stats().webhookDeliveries(), 1);

            assertEquals(client.result(id), SimulatorClient.JSON.readTree(bodies.get(2)),
                    "body mirrors the GET result");
            assertEquals(bodies.get(0), bodies.get(2), "every attempt sends the same body");
            assertEquals(3, simulator.stats().webhookAttempts());
            assertEquals(1, simulator.stats().webhookDeliveries());
            assertEquals(2, simulator.stats().webhookFailures());
            assertEquals(0, simulator.stats().webhookGaveUp());
            assertTrue(receiver.extraBodies(Duration.ofMillis(150)).isEmpty(), "no attempt after the delivery");
        }
    }

    @Test
    void webhookGivesUpAfterTheLastRetry() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().webhookMaxRetries(2).build());
                WebhookReceiver receiver = new WebhookReceiver(List.of(), 503)) {
            SimulatorClient client = new SimulatorClient(simulator);
            client.submit(Fixtures.people("give up", 1).put("webhook_url", receiver.url()));

            receiver.awaitBodies(3, TIMEOUT);
            awaitCount(() -> simulator.stats().webhookGaveUp(), 1);

            assertEquals(3, simulator.stats().webhookAttempts());
            assertEquals(3, simulator.stats().webhookFailures());
            assertEquals(0, simulator.stats().webhookDeliveries());
            assertTrue(receiver.extraBodies(Duration.ofMillis(150)).isEmpty());
        }
    }

    @Test
    void duplicateWebhookRateDeliversTheSameBodyTwice() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().duplicateWebhookRate(1.0).build());
                WebhookReceiver receiver = new WebhookReceiver(List.of(), 200)) {
            SimulatorClient client = new SimulatorClient(simulator);
            client.submit(Fixtures.people("duplicated", 1).put("webhook_url", receiver.url()));

            List<String> bodies = receiver.awaitBodies(2, TIMEOUT);
            awaitCount(() -> simulator.stats().webhookDeliveries(), 2);

            assertEquals(bodies.get(0), bodies.get(1));
            assertTrue(receiver.extraBodies(Duration.ofMillis(150)).isEmpty(), "a duplicate is not duplicated again");
        }
    }

    @Test
    void unreachableWebhookCountsAsFailedAttempts() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().webhookMaxRetries(1).build())) {
            new SimulatorClient(simulator).submit(Fixtures.people("unreachable", 1)
                    .put("webhook_url", "http://127.0.0.1:" + closedPort + "/hook"));

            awaitCount(() -> simulator.stats().webhookGaveUp(), 1);

            assertEquals(2, simulator.stats().webhookFailures());
        }
    }

    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (counter.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, counter.getAsLong());
    }
}
