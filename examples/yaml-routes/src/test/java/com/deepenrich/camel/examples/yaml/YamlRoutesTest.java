package com.deepenrich.camel.examples.yaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML routes, as camel-main runs them, on the deepenrich-sink and deepenrich-source Kamelets from the
 * component jar, against the simulator on 127.0.0.1: contacts in, one enriched contact per valid contact out.
 */
@Timeout(60)
class YamlRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void contactsInEnrichedContactsOut() throws Exception {
        Path contacts = Files.createDirectories(dir.resolve("in"));
        Path output = dir.resolve("out");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            lines.append(JSON.writeValueAsString(Map.of("lead_id", "L-" + i, "first_name", "First" + i,
                    "last_name", "Last" + i, "domain", "company" + i + ".com"))).append('\n');
        }
        lines.append("{\"lead_id\": \"L-bad\", \"first_name\": \"No\", \"domain\": \"lastname.com\"}\n");
        Files.writeString(contacts.resolve("contacts.jsonl"), lines);

        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of("test-key")).processingLatency(Duration.ofMillis(200)).requestsPerMinute(0).build())) {
            Main main = new Main();
            YamlRoutesApp.useApi(main, simulator.baseUrl(), "test-key");
            main.addOverrideProperty("camel.server.port", Integer.toString(freePort()));
            main.addOverrideProperty("contacts.dir", contacts.toString());
            main.addOverrideProperty("output.dir", output.toString());
            main.start();
            try {
                Path enriched = output.resolve("enriched-contacts.jsonl");
                awaitLines(enriched, 120);

                List<JsonNode> results = Files.readAllLines(enriched).stream().map(YamlRoutesTest::parse).toList();
                assertEquals(120, results.stream().map(r -> r.path("custom").path("lead_id").asText()).distinct()
                        .filter(id -> id.startsWith("L-") && !id.equals("L-bad")).count());
                assertTrue(results.stream().allMatch(r -> Set.of("FOUND", "NOT_FOUND").contains(r.path("outcome")
                        .asText())), "every contact has its outcome");
                assertTrue(results.stream().anyMatch(r -> !r.path("contact").path("most_probable_email").asText()
                        .isEmpty()), "some emails were found");
                assertEquals(2, simulator.stats().submissions(), "121 contacts, one refused: two requests");
                assertEquals(120, simulator.stats().contactsSubmitted());
                // the simulator counts a delivery once answered, which follows the route's writing of its results
                for (int i = 0; i < 100 && simulator.stats().webhookDeliveries() < 2; i++) {
                    Thread.sleep(100);
                }
                assertTrue(simulator.stats().webhookDeliveries() >= 2, "results came by webhook");
            } finally {
                main.stop();
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static void awaitLines(Path file, int count) throws Exception {
        for (int i = 0; i < 400; i++) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(file + " did not reach " + count + " lines in 40 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
