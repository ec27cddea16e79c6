package com.deepenrich.camel.examples.quarkus;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a DeepEnrich simulator on a free port of 127.0.0.1 and points the deepenrich component at it. */
public class DeepEnrichSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "quarkus-test-key";

    private DeepEnrichSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().apiKeys(Set.of(API_KEY))
                .processingLatency(Duration.ofMillis(500)).requestsPerMinute(0).build());
        return Map.of("camel.component.deepenrich.base-url", simulator.baseUrl(),
                "camel.component.deepenrich.api-key", API_KEY,
                "camel.component.deepenrich.first-read-after", "500",
                "deepenrich.poll-interval", "250");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, DeepEnrichSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
