package com.deepenrich.camel.examples.simulator;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultInjectionTest {

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().requestsPerMinute(0);
    }

    @Test
    void connectionResetRateOneMakesTheClientFailWithAnIOException() {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().connectionResetRate(1.0).build())) {
            SimulatorClient client = new SimulatorClient(simulator);

            assertThrows(IOException.class,
                    () -> client.post("/contact/enrich/bulk", Fixtures.people("reset", 1).toString()));
            assertTrue(simulator.stats().injectedResets() >= 1);
            assertEquals(0, simulator.stats().submissions(), "the handler never ran");
        }
    }

    @Test
    void serverErrorRateOneAnswers500() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().serverErrorRate(1.0).build())) {
            SimulatorClient.Reply reply = new SimulatorClient(simulator).get("/account/credits");

            assertEquals(500, reply.status());
            JsonNode expected = SimulatorClient.JSON.readTree(
                    "{\"code\":\"error.server\",\"message\":\"Internal server error (injected)\"}");
            assertEquals(expected, reply.json());
            assertEquals(1, simulator.stats().injectedServerErrors());
        }
    }

    @Test
    void rateLimitErrorRateOneAnswersTheDocumented429() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().rateLimitErrorRate(1.0).build())) {
            SimulatorClient.Reply reply = new SimulatorClient(simulator).get("/account/credits");

            assertEquals(429, reply.status());
            assertEquals(Fixtures.error("429 rate limited"), reply.json());
            assertEquals(1, simulator.stats().rateLimited429());
            assertEquals(1, simulator.stats().injectedRateLimits());
        }
    }

    @Test
    void authenticationComesBeforeInjectedFaults() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().serverErrorRate(1.0).build())) {
            SimulatorClient.Reply reply = new SimulatorClient(simulator).get("/account/credits", null);

            assertEquals(401, reply.status());
            assertEquals(0, simulator.stats().injectedServerErrors());
        }
    }
}
