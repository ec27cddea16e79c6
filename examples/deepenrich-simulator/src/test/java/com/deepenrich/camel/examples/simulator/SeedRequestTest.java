package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedRequestTest {

    private static final Duration LATENCY = Duration.ofMillis(200);

    @Test
    void documentedRequestIsAcceptedAndFinishesWithTheResultShape() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .processingLatency(LATENCY).build())) {
            SimulatorClient client = new SimulatorClient(simulator);

            SimulatorClient.Reply submitted =
                    client.post("/contact/enrich/bulk", Fixtures.text("bulk-request-seed.json"));
            assertEquals(200, submitted.status());
            String id = submitted.json().get("enrichment_id").asText();
            assertDoesNotThrow(() -> UUID.fromString(id));

            Thread.sleep(LATENCY.toMillis() + 50);
            JsonNode result = client.result(id);

            assertEquals("FINISHED", result.get("status").asText());
            assertEquals(id, result.get("id").asText());
            assertEquals("Sales Operations in London", result.get("name").asText());
            assertEquals("12584", result.at("/datas/0/custom/user_id").asText());
            assertEquals("john", result.at("/datas/0/contact/firstname").asText());
            assertEquals("example.com", result.at("/datas/0/contact/domain").asText());
            assertSameShape(Fixtures.json("result-finished.json"), result, "");
            assertEquals(0, result.at("/cost/credits").asLong(), "the documentation's test contact is free");
            assertEquals(1, simulator.stats().webhookSkipped(), "https://example.com/webhook is never called");
        }
    }

    /** Same field names at every level; arrays compare their first elements when both have one. */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertEquals(fieldNames(expected), fieldNames(actual), "fields of " + path);
            expected.fieldNames().forEachRemaining(name -> assertSameShape(expected.get(name), actual.get(name),
                    path + "/" + name));
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            assertSameShape(expected.get(0), actual.get(0), path + "/0");
        } else if (!expected.isNull()) {
            assertEquals(expected.getNodeType(), actual.getNodeType(), "type of " + path);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
