package com.deepenrich.camel.examples.yaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's YAML routes, read from README.md as written and loaded by the YAML DSL on the Kamelets the jar ships,
 * with secrets that break a URI unless wrapped: only the Kafka endpoints become direct ones, the callback host
 * 127.0.0.1, and the Kamelets' API address the simulator's (Camel's {@code camel.kamelet.<name>.baseUrl}).
 */
@Timeout(60)
class ReadmeYamlTest {

    /** Secrets as awkward as real ones can be. */
    private static final String API_KEY = "key+with&odd%chars#1";
    private static final String TOKEN = "t+k&%#";
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeYamlRoutesSubmitAndReceiveByWebhook() throws Exception {
        Matcher block = YAML_BLOCK.matcher(Files.readString(Path.of("../../README.md")));
        assertTrue(block.find(), "README.md has a YAML block");
        int port = freePort();
        String routes = block.group(1)
                .replace("\"kafka:leads\"", "\"direct:leads\"")
                .replace("\"kafka:enriched-leads\"", "\"direct:enriched\"")
                .replace("https://my.host", "http://127.0.0.1:" + port);
        AtomicInteger enriched = new AtomicInteger();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(API_KEY)).processingLatency(Duration.ofMillis(200)).requestsPerMinute(0).build());
                CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            Properties kamelets = new Properties();
            kamelets.put("camel.kamelet.deepenrich-sink.baseUrl", simulator.baseUrl());
            kamelets.put("camel.kamelet.deepenrich-source.baseUrl", simulator.baseUrl());
            kamelets.put("deepenrich.api-key", API_KEY);
            kamelets.put("deepenrich.callback-token", TOKEN);
            context.getPropertiesComponent().setInitialProperties(kamelets);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:enriched").process(e -> enriched.incrementAndGet());
                }
            });
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("readme.yaml", routes));
            context.start();
            for (int i = 0; i < 100; i++) {
                context.createProducerTemplate().sendBody("direct:leads", Map.of("first_name", "First" + i,
                        "last_name", "Last" + i, "domain", "company" + i + ".com", "lead_id", "L-" + i));
            }
            for (int i = 0; i < 300 && enriched.get() < 100; i++) {
                Thread.sleep(100);
            }
            assertEquals(100, enriched.get(), "every contact back, enriched, by webhook");
            assertEquals(1, simulator.stats().submissions(), "100 contacts, one request");
            // the simulator counts a delivery once its answer is back, just after the route received the result
            for (int i = 0; i < 250 && simulator.stats().webhookDeliveries() < 1; i++) {
                Thread.sleep(20);
            }
            assertTrue(simulator.stats().webhookDeliveries() >= 1, "the result came by webhook");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
