package com.deepenrich.camel.examples.yaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's YAML routes, taken from README.md as written, run with camel-main on the Kamelets the jar ships:
 * only the Kafka endpoints become direct ones, the callback host becomes 127.0.0.1, and the Kamelets' API address the
 * simulator's (through Camel's {@code camel.kamelet.<name>.<parameter>} properties, not the snippet).
 */
@Timeout(60)
class ReadmeYamlTest {

    /** A key as awkward as real ones can be: the routes must not break on it. */
    private static final String API_KEY = "key+with&odd%chars#1";
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theReadmeYamlRoutesSubmitAndReceiveByWebhook() throws Exception {
        Matcher block = YAML_BLOCK.matcher(Files.readString(Path.of("../../README.md")));
        assertTrue(block.find(), "README.md has a YAML block");
        int port = freePort();
        String routes = block.group(1)
                .replace("\"kafka:leads\"", "\"direct:leads\"")
                .replace("\"kafka:enriched-leads\"", "\"direct:enriched\"")
                .replace("https://my.host", "http://127.0.0.1:" + port);
        assertTrue(routes.contains("kamelet:deepenrich-sink") && routes.contains("kamelet:deepenrich-source"));
        Path yaml = Files.writeString(dir.resolve("readme.yaml"), routes);
        AtomicInteger enriched = new AtomicInteger();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(API_KEY)).processingLatency(Duration.ofMillis(200)).requestsPerMinute(0)
                .build())) {
            Main main = new Main();
            main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + yaml);
            main.addOverrideProperty("camel.server.enabled", "true");
            main.addOverrideProperty("camel.server.host", "127.0.0.1");
            main.addOverrideProperty("camel.server.port", Integer.toString(port));
            main.addOverrideProperty("camel.component.deepenrich.api-key", API_KEY);
            main.addOverrideProperty("camel.kamelet.deepenrich-sink.baseUrl", simulator.baseUrl());
            main.addOverrideProperty("camel.kamelet.deepenrich-source.baseUrl", simulator.baseUrl());
            main.addOverrideProperty("camel.kamelet.deepenrich-source.webhookPath", "/deepenrich/results");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:enriched").process(e -> enriched.incrementAndGet());
                }
            });
            main.start();
            try {
                ProducerTemplate leads = main.getCamelContext().createProducerTemplate();
                for (int i = 0; i < 100; i++) {
                    leads.sendBody("direct:leads", Map.of("first_name", "First" + i, "last_name", "Last" + i,
                            "domain", "company" + i + ".com", "lead_id", "L-" + i));
                }
                await("100 enriched contacts by webhook").atMost(Duration.ofSeconds(30))
                        .until(() -> enriched.get() >= 100);
                assertEquals(1, simulator.stats().submissions(), "100 contacts, one request");
                assertTrue(simulator.stats().webhookDeliveries() >= 1, "the result came by webhook");
            } finally {
                main.stop();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
