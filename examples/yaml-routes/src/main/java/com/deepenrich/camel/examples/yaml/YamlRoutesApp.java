package com.deepenrich.camel.examples.yaml;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes ({@code classpath:routes/*.yaml}) with camel-main. Without {@code DEEPENRICH_API_KEY} it
 * first starts an embedded DeepEnrich simulator and points the routes at it, and stops once the contacts are
 * enriched; with the key the routes talk to the real API and run until stopped, as a deployed integration does.
 */
public final class YamlRoutesApp {

    static final String OFFLINE_API_KEY = "offline-demo-key";

    private YamlRoutesApp() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("DEEPENRICH_API_KEY") != null) {
            new Main().run(args);
            return;
        }
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(OFFLINE_API_KEY)).processingLatency(Duration.ofSeconds(1)).requestsPerMinute(0)
                .build())) {
            Main main = new Main();
            useApi(main, simulator.baseUrl(), OFFLINE_API_KEY);
            main.addOverrideProperty("camel.main.duration-max-idle-seconds", "5");
            System.out.println("Offline: the routes use the embedded DeepEnrich simulator at " + simulator.baseUrl()
                               + " (set DEEPENRICH_API_KEY to use the real API); they stop when idle for 5 s");
            main.run(args);
        }
    }

    /** Points the routes at a DeepEnrich API (the simulator), with a fresh callback token. */
    static void useApi(Main main, String baseUrl, String apiKey) {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        main.addOverrideProperty("deepenrich.base-url", baseUrl);
        main.addOverrideProperty("deepenrich.api-key", apiKey);
        main.addOverrideProperty("deepenrich.callback-token", HexFormat.of().formatHex(token));
    }
}
