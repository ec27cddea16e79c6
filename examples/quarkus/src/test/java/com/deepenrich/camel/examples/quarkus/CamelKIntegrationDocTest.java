package com.deepenrich.camel.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component guide's Camel K Integration: its {@code spec.flows}, read from the adoc as written, run on Camel
 * Quarkus (the runtime Camel K runs Integrations on) against the simulator. Direct endpoints stand in for the Kafka
 * topics, and the results are polled every 250 ms instead of 30 s.
 */
@QuarkusTest
@TestProfile(CamelKIntegrationDocTest.IntegrationFlows.class)
@WithTestResource(DeepEnrichSimulatorResource.class)
class CamelKIntegrationDocTest {

    static final Path ADOC = Path.of("../../camel-deepenrich-component/src/main/docs/deepenrich-component.adoc");
    static final Path FLOWS = Path.of("target/camel-k/integration-flows.yaml");

    private static final Pattern INTEGRATION_BLOCK =
            Pattern.compile("----\\n(apiVersion: camel.apache.org/v1\\nkind: Integration\\n.*?)----", Pattern.DOTALL);

    /** Loads only the Integration's flows: the adoc's, Kafka replaced by direct endpoints. */
    public static class IntegrationFlows implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            writeFlows(integration());
            return Map.of("deepenrich.flow", "camel-k",
                    "camel.main.routes-include-pattern", "file:" + FLOWS.toAbsolutePath());
        }
    }

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate producer;

    @InjectSimulator
    DeepEnrichSimulator simulator;

    @Test
    void theIntegrationDependsOnTheComponentJar() {
        assertTrue(integration().contains("  dependencies:\n    - \"mvn:com.deepenrich.camel:camel-deepenrich:"),
                "the Integration names the jar as a mvn: dependency");
    }

    @Test
    void theIntegrationsFlowsSubmitTheLeadsAndEmitEachEnrichedContact() throws Exception {
        List<String> enriched = new CopyOnWriteArrayList<>();
        camelContext.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:enriched-leads")
                        .process(exchange -> enriched.add(exchange.getMessage().getBody(String.class)));
            }
        });
        for (int i = 0; i < 3; i++) {
            producer.sendBody("direct:leads", Map.of("first_name", "First" + i, "last_name", "Last" + i,
                    "domain", "company" + i + ".com", "lead_id", "K-" + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> enriched.size() >= 3);
        assertEquals(1, simulator.stats().submissions(), "three leads, one request");
        assertEquals(3, enriched.size(), enriched::toString);
        for (int i = 0; i < 3; i++) {
            String leadId = "\"lead_id\":\"K-" + i + "\"";
            assertEquals(1, enriched.stream().filter(json -> json.contains(leadId)).count(), leadId);
        }
    }

    static String integration() {
        try {
            Matcher block = INTEGRATION_BLOCK.matcher(Files.readString(ADOC));
            assertTrue(block.find(), "the adoc has an Integration");
            return block.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** spec.flows, unindented to a YAML routes file, with the Kafka topics as direct endpoints and a short delay. */
    static void writeFlows(String integration) {
        String flows = integration.substring(integration.indexOf("  flows:\n") + "  flows:\n".length()).lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(Collectors.joining("\n"))
                .replace("\"kafka:leads\"", "\"direct:leads\"")
                .replace("\"kafka:enriched-leads\"", "\"direct:enriched-leads\"")
                .replace("delay: 30000", "delay: 250");
        try {
            Files.createDirectories(FLOWS.getParent());
            Files.writeString(FLOWS, flows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
