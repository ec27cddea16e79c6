package com.deepenrich.camel.examples.springboot;

import java.time.Duration;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The {@code offline} profile: a DeepEnrich simulator on 127.0.0.1 that application-offline.properties points at. */
@Configuration(proxyBeanMethods = false)
@Profile(OfflineSimulator.PROFILE)
public class OfflineSimulator {

    static final String PROFILE = "offline";

    @Bean(destroyMethod = "close")
    DeepEnrichSimulator deepEnrichSimulator(@Value("${deepenrich.simulator.port}") int port,
                                            @Value("${camel.component.deepenrich.api-key}") String apiKey) {
        return DeepEnrichSimulator.start(SimulatorConfig.builder().port(port).apiKeys(Set.of(apiKey))
                .processingLatency(Duration.ofSeconds(1)).requestsPerMinute(0).build());
    }
}
