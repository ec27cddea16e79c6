package com.deepenrich.camel.examples.quarkus;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.quarkus.main.events.AfterStop;
import org.apache.camel.quarkus.main.events.BeforeStart;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Offline mode: when {@code deepenrich.simulator.port} is set (the default profile), a DeepEnrich simulator runs in
 * the application on that port of 127.0.0.1, started before Camel starts the routes, accepting the configured API
 * key. The {@code live} profile leaves the port unset and talks to the real API.
 */
@ApplicationScoped
public class OfflineSimulator {

    private static final Logger LOG = Logger.getLogger(OfflineSimulator.class);

    @ConfigProperty(name = "deepenrich.simulator.port")
    Optional<Integer> port;

    @ConfigProperty(name = "camel.component.deepenrich.api-key")
    String apiKey;

    private DeepEnrichSimulator simulator;

    void start(@Observes BeforeStart event) {
        port.ifPresent(p -> {
            simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().port(p).apiKeys(Set.of(apiKey))
                    .processingLatency(Duration.ofSeconds(1)).requestsPerMinute(0).build());
            LOG.infof("Offline: the DeepEnrich simulator answers at %s (run with -Dquarkus.profile=live and "
                      + "DEEPENRICH_API_KEY for the real API)",
                    simulator.baseUrl());
        });
    }

    void stop(@Observes AfterStop event) {
        if (simulator != null) {
            simulator.close();
        }
    }
}
