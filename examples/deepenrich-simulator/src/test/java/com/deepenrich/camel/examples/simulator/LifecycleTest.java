package com.deepenrich.camel.examples.simulator;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import com.deepenrich.camel.examples.simulator.ResultModel.Result;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job's status follows the clock (CREATED for the first half of its processing latency, IN_PROGRESS for the
 * second): the clock-driven steps are checked on a {@link Job} at given instants, the HTTP answers on jobs whose
 * latency is an hour (still running at every read) or 50 ms (awaited until they are final).
 */
class LifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUNNING_FOR_THE_TEST = Duration.ofHours(1);
    private static final long LATENCY = Duration.ofSeconds(1).toNanos();
    private static final long SUBMITTED_AT = 1_000_000L;

    private final ResultRenderer renderer = new ResultRenderer(new FakeEnricher());

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().processingLatency(RUNNING_FOR_THE_TEST).requestsPerMinute(0);
    }

    private static Job job(String name, int contacts) throws Exception {
        byte[] body = SimulatorClient.JSON.writeValueAsBytes(Fixtures.people(name, contacts));
        return new Job("job-" + name, BulkRequestParser.parse(new ByteArrayInputStream(body)), SUBMITTED_AT, LATENCY);
    }

    @Test
    void statusGoesFromCreatedThroughInProgressToFinished() throws Exception {
        Job job = job("progression", 3);
        long half = SUBMITTED_AT + LATENCY / 2;

        assertEquals(JobStatus.CREATED, job.status(SUBMITTED_AT));
        assertEquals(JobStatus.CREATED, job.status(half - 1));
        assertEquals(JobStatus.IN_PROGRESS, job.status(half));
        for (long now : new long[]{SUBMITTED_AT, half, SUBMITTED_AT + LATENCY - 1}) {
            Result running = renderer.render(job, now, false);
            assertEquals(List.of(), running.datas(), "no results while running");
            assertNull(running.cost());
            assertFalse(job.settleIfDue(now, j -> new Job.Outcome(JobStatus.FINISHED, 3, 3)), "not due yet");
        }
        assertTrue(job.settleIfDue(SUBMITTED_AT + LATENCY, j -> new Job.Outcome(JobStatus.FINISHED, 3, 3)));

        Result finished = renderer.render(job, SUBMITTED_AT + LATENCY, false);
        assertEquals(JobStatus.FINISHED, finished.status());
        assertEquals(3, finished.datas().size());
        assertEquals(3, finished.cost().credits());
    }

    @Test
    void aJobReadOverHttpRunsThenFinishesWithItsContacts() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            JsonNode running = client.result(client.submit(Fixtures.people("running", 3)));
            assertEquals("CREATED", running.get("status").asText());
            assertEquals(0, running.get("datas").size(), "no results while running");
            assertFalse(running.has("cost"));
        }
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config()
                .processingLatency(Duration.ofMillis(50)).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("finishing", 3));

            JsonNode last = client.awaitFinal(id, TIMEOUT);

            assertEquals("FINISHED", last.get("status").asText());
            assertEquals(3, last.get("datas").size());
            assertEquals(JobStatus.FINISHED, simulator.job(id).orElseThrow().status());
        }
    }

    @Test
    void inProgressAs400AnswersTheInProgressErrorUntilFinished() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().inProgressAs400(true).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String id = client.submit(Fixtures.people("in progress as 400", 1));

            SimulatorClient.Reply running = client.get("/contact/enrich/bulk/" + id);
            assertEquals(400, running.status());
            assertEquals(Fixtures.json("result-in-progress-400.json"), running.json());
        }
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config()
                .processingLatency(Duration.ofMillis(50)).inProgressAs400(true).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            String path = "/contact/enrich/bulk/" + client.submit(Fixtures.people("finished as 200", 1));

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            SimulatorClient.Reply reply = client.get(path);
            while (reply.status() == 400 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                reply = client.get(path);
            }
            assertEquals(200, reply.status());
            assertEquals("FINISHED", reply.json().get("status").asText());
        }
    }

    @Test
    void forceResultsOnARunningJobReturnsTheContactsEnrichedSoFar() throws Exception {
        Job job = job("partial", 10);
        long threeQuarters = SUBMITTED_AT + LATENCY * 3 / 4;

        Result partial = renderer.render(job, threeQuarters, true);

        assertEquals(JobStatus.IN_PROGRESS, partial.status());
        assertEquals(7, partial.datas().size(), "the contacts enriched in three quarters of the job's time");
        for (int i = 0; i < partial.datas().size(); i++) {
            assertEquals(String.valueOf(i), partial.datas().get(i).custom().get("row"));
            assertEquals("first" + i, partial.datas().get(i).contact().firstname());
        }
        assertNull(partial.cost());
        assertEquals(0, renderer.render(job, SUBMITTED_AT, true).datas().size(), "none while CREATED");
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
