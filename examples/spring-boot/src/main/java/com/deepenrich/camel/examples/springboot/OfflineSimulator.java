package com.deepenrich.camel.examples.springboot;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The {@code offline} profile: a DeepEnrich simulator on 127.0.0.1, on a free port. Its URL becomes the property
 * {@code deepenrich.simulator.base-url}, which application-offline.properties points the component at (a Camel
 * placeholder, resolved when Camel configures the component, once the simulator runs).
 */
@Configuration(proxyBeanMethods = false)
@Profile(OfflineSimulator.PROFILE)
public class OfflineSimulator {

    static final String PROFILE = "offline";

    @Bean(destroyMethod = "close")
    DeepEnrichSimulator deepEnrichSimulator(@Value("${camel.component.deepenrich.api-key}") String apiKey,
                                            ConfigurableEnvironment environment) {
        DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().port(0)
                .apiKeys(Set.of(apiKey)).processingLatency(Duration.ofSeconds(1)).requestsPerMinute(0).build());
        environment.getPropertySources().addFirst(new MapPropertySource("deepenrich-simulator",
                Map.of("deepenrich.simulator.base-url", simulator.baseUrl())));
        return simulator;
    }
}
