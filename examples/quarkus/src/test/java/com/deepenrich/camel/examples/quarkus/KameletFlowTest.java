package com.deepenrich.camel.examples.quarkus;

import java.util.Map;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(KameletFlowTest.KameletFlow.class)
@WithTestResource(DeepEnrichSimulatorResource.class)
class KameletFlowTest {

    /** The kamelets profile's settings, on top of the test profile's. */
    public static class KameletFlow implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deepenrich.flow", "kamelets",
                    "camel.main.routes-include-pattern", "classpath:kamelet-flow/enrich-contacts.yaml");
        }
    }

    @Inject
    @ConfigProperty(name = "output.dir")
    String outputDir;

    @Inject
    CamelContext camelContext;

    @InjectSimulator
    DeepEnrichSimulator simulator;

    @Test
    void yamlRouteOnTheKameletsEnrichesTheSampleContacts() {
        EnrichedOutput.assertEveryValidSampleContactEnrichedOnce(outputDir);
        assertEquals(1, simulator.stats().submissions(), "99 valid contacts, one bulk request");
        assertTrue(camelContext.getRoutes().stream().anyMatch(route -> route.getEndpoint().getEndpointUri()
                .startsWith("deepenrich://results")), "the poll source Kamelet's route runs");
    }
}
