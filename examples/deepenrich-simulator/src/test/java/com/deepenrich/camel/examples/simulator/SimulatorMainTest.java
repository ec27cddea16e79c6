package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SimulatorMainTest {

    @Test
    void defaultsListenOn8089WithTheSimKey() {
        SimulatorConfig config = SimulatorMain.parse(new String[0]);

        assertEquals(8089, config.port());
        assertEquals(Set.of("sim-key"), config.apiKeys());
        assertEquals(60, config.requestsPerMinute());
    }

    @Test
    void optionsSetTheConfiguration() {
        SimulatorConfig config = SimulatorMain.parse(new String[]{"--port", "9000", "--latency-ms", "20",
                "--rpm", "0", "--credits", "7", "--api-key", "a", "--api-key", "b"});

        assertEquals(9000, config.port());
        assertEquals(Duration.ofMillis(20), config.processingLatency());
        assertEquals(0, config.requestsPerMinute());
        assertEquals(7, config.credits());
        assertEquals(Set.of("a", "b"), config.apiKeys());
    }

    @Test
    void unknownOptionOrMissingValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[]{"--verbose", "1"}));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.parse(new String[]{"--port"}));
    }
}
