package com.deepenrich.camel.examples.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component guide's Pipe, read from the adoc as written and loaded by the YAML DSL. Three things stand in for
 * the cluster: a {@code kafka-source} Kamelet fed by a direct endpoint named after the topic (test resources), a
 * {@code secret:} properties function holding the key, and the simulator as the Kamelet's API address
 * ({@code camel.kamelet.deepenrich-sink.baseUrl}). The simulator does not call the Pipe's public callback URL: it
 * only delivers to loopback addresses, and counts the delivery it skipped.
 */
@Timeout(60)
class PipeDocTest {

    private static final String API_KEY = "key+with&odd%chars#1";
    private static final Pattern PIPE_BLOCK =
            Pattern.compile("----\\n(apiVersion: camel.apache.org/v1\\nkind: Pipe\\n.*?)----",
                    Pattern.DOTALL);

    @Test
    void theAdocPipeSubmitsTheTopicsContactsWithTheKameletsKeyAndItsCallbackUrl() throws Exception {
        assertPipeSubmits(adocPipe(), Map.of("camel.kamelet.deepenrich-sink.apiKey", API_KEY));
    }

    @Test
    void aSecretWrittenIntoThePipeSurvivesItsUriWhenWrappedInRaw() throws Exception {
        String pipe = adocPipe().replace("      callbackUrl:",
                "      apiKey: \"RAW({{secret:deepenrich/api-key}})\"\n      callbackUrl:");
        assertPipeSubmits(pipe, Map.of());
    }

    private static String adocPipe() throws IOException {
        Matcher block = PIPE_BLOCK.matcher(
                Files.readString(Path.of("../../camel-deepenrich-component/src/main/docs/deepenrich-component.adoc")));
        assertTrue(block.find(), "the adoc has a Pipe");
        return block.group(1);
    }

    private static void assertPipeSubmits(String pipe, Map<String, String> extraProperties) throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(API_KEY)).processingLatency(Duration.ofMillis(100)).requestsPerMinute(0).build());
                CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.put("camel.kamelet.deepenrich-sink.baseUrl", simulator.baseUrl());
            properties.put("camel.kamelet.deepenrich-sink.batchTimeout", "100");
            properties.putAll(extraProperties);
            context.getPropertiesComponent().setInitialProperties(properties);
            context.getPropertiesComponent().addPropertiesFunction(new Secrets(Map.of("deepenrich/api-key", API_KEY)));
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("pipe.yaml", pipe));
            context.start();

            for (int i = 0; i < 3; i++) {
                context.createProducerTemplate().sendBody("direct:leads", Map.of("first_name", "First" + i,
                        "last_name", "Last" + i, "domain", "company" + i + ".com"));
            }
            for (int i = 0; i < 300 && simulator.stats().webhookSkipped() < 1; i++) {
                Thread.sleep(100);
            }
            assertEquals(3, simulator.stats().contactsSubmitted(),
                    "the topic's contacts reached the API, with the key");
            assertEquals(1, simulator.stats().webhookSkipped(), "the Pipe's callback URL went with them");
        }
    }

    /** Kubernetes' {@code secret:} function, from a map. */
    private record Secrets(Map<String, String> values) implements PropertiesFunction {

        @Override
        public String getName() {
            return "secret";
        }

        @Override
        public String apply(String remainder) {
            return values.get(remainder);
        }
    }
}
