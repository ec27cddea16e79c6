package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class LifecycleTest {

    private static final Duration LATENCY = Duration.ofMillis(1000);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().processingLatency(LATENCY).requestsPerMinute(0);
    }

    @Test
    void statusGoesFromCreatedThroughInProgressToFinished() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("progression", 3));

            List<String> seen = new ArrayList<>();
            JsonNode last = client.awaitResult(id, TIMEOUT, result -> {
                String status = result.get("status").asText();
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                    seen.add(status);
                }
                if (!status.equals("FINISHED")) {
                    assertEquals(0, result.get("datas").size(), "no results while running");
                    assertFalse(result.has("cost"));
                }
                return status.equals("FINISHED");
            });

            assertEquals(List.of("CREATED", "IN_PROGRESS", "FINISHED"), seen);
            assertEquals(3, last.get("datas").size());
            assertEquals(JobStatus.FINISHED, simulator.job(id).orElseThrow().status());
        }
    }

    @Test
    void inProgressAs400AnswersTheInProgressErrorUntilFinished() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config()
                .processingLatency(Duration.ofMillis(300)).inProgressAs400(true).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("in progress as 400", 1));

            SimulatorClient.Reply running = client.get("/contact/enrich/bulk/" + id);
            assertEquals(400, running.status());
            assertEquals(Fixtures.json("result-in-progress-400.json"), running.json());

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            SimulatorClient.Reply reply = running;
            while (reply.status() == 400 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                reply = client.get("/contact/enrich/bulk/" + id);
            }
            assertEquals(200, reply.status());
            assertEquals("FINISHED", reply.json().get("status").asText());
        }
    }

    @Test
    void forceResultsOnARunningJobReturnsTheContactsEnrichedSoFar() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("partial", 10));
            client.awaitResult(id, TIMEOUT, result -> !result.get("status").asText().equals("CREATED"));

            JsonNode partial = client.get("/contact/enrich/bulk/" + id + "?forceResults=true").json();

            if (!partial.get("status").asText().equals("IN_PROGRESS")) {
                fail("job finished before the partial read: " + partial.get("status"));
            }
            int count = partial.get("datas").size();
            assertTrue(count >= 5 && count < 10, "half or more of the contacts, not all: " + count);
            for (int i = 0; i < count; i++) {
                assertEquals(String.valueOf(i), partial.at("/datas/" + i + "/custom/row").asText());
                assertEquals("first" + i, partial.at("/datas/" + i + "/contact/firstname").asText());
            }
            assertFalse(partial.has("cost"));
            assertEquals(10, client.awaitFinal(id, TIMEOUT).get("datas").size());
        }
    }

    @Test
    void forceResultsBypassesInProgressAs400() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().inProgressAs400(true).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("forced", 2));

            SimulatorClient.Reply reply = client.get("/contact/enrich/bulk/" + id + "?forceResults=true");

            assertEquals(200, reply.status());
            assertEquals("CREATED", reply.json().get("status").asText());
        }
    }

    @Test
    void unknownEnrichmentIsTheDocumented404() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient.Reply reply = new SimulatorClient(simulator).get("/contact/enrich/bulk/no-such-id");

            assertEquals(404, reply.status());
            assertEquals(Fixtures.error("404 unknown enrichment"), reply.json());
            assertTrue(simulator.job("no-such-id").isEmpty());
        }
    }

    @Test
    void jobsSettleOnTheTimerWithoutBeingRead() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config()
                .processingLatency(Duration.ofMillis(50)).build())) {
            String id = new SimulatorClient(simulator).submit(Fixtures.people("timer", 5));

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (simulator.stats().creditsSpent() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(simulator.stats().creditsSpent() > 0, "settled (and charged) without any read");
            JobView view = simulator.job(id).orElseThrow();
            assertEquals(JobStatus.FINISHED, view.status());
            assertEquals(simulator.stats().creditsSpent(), view.creditsSpent());
            assertEquals("timer", view.name());
            assertEquals(5, view.contactCount());
        }
    }
}
