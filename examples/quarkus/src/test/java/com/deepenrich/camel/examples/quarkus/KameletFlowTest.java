package com.deepenrich.camel.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(KameletFlowTest.KameletFlow.class)
@WithTestResource(DeepEnrichSimulatorResource.class)
class KameletFlowTest extends SampleFlowTestSupport {

    /** The kamelets profile's settings, on top of the test profile's, with the webhook on a free port. */
    public static class KameletFlow implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deepenrich.flow", "kamelets",
                    "camel.main.routes-include-pattern", "classpath:kamelet-flow/enrich-contacts.yaml",
                    "camel.server.enabled", "true",
                    "camel.server.host", "127.0.0.1",
                    "camel.server.port", String.valueOf(freePort()));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void yamlRouteOnTheKameletsEnrichesTheSampleContactsWithTheResultByWebhook() {
        assertEveryValidSampleContactEnrichedOnceFromOneRequest();
        // the simulator counts a delivery once answered, which follows the route's writing of the result
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertEquals(1, simulator.stats().webhookDeliveries(), "the result came by webhook"));
        assertEquals(0, simulator.stats().requests("GET /contact/enrich/bulk/{id}"), "and was not polled");
    }
}
