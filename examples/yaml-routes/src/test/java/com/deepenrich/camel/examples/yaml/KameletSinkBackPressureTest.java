package com.deepenrich.camel.examples.yaml;

import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deepenrich-sink Kamelet as written, fed by one fast thread well above the rate limit: the component holds
 * the source back, at most maxPendingBatches batches wait in it, and every contact reaches the API once.
 */
@Timeout(60)
class KameletSinkBackPressureTest {

    private static final int CONTACTS = 3_000;
    private static final int MAX_PENDING = 2;

    @Test
    void theSinkHoldsItsSourceBackAndLosesNothing() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of("test-key")).requestsPerMinute(0).build());
                CamelContext context = new DefaultCamelContext()) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.setMaxPendingBatches(MAX_PENDING);
            deepenrich.getConfiguration().setRequestsPerMinute(6_000); // 100 requests a second
            context.addComponent("deepenrich", deepenrich);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:leads").to("kamelet:deepenrich-sink?apiKey=test-key&baseUrl=" + simulator.baseUrl());
                }
            });
            context.start();
            ProducerTemplate source = context.createProducerTemplate();
            for (int i = 0; i < CONTACTS; i++) {
                source.sendBody("direct:leads", Map.of("first_name", "First" + i, "last_name", "Last" + i,
                        "domain", "company" + i + ".com", "lead_id", "L-" + i));
                assertTrue(deepenrich.pendingBatches().getPending() <= MAX_PENDING, "after contact " + i);
            }
            for (int i = 0; i < 300 && simulator.stats().contactsSubmitted() < CONTACTS; i++) {
                Thread.sleep(100);
            }
            assertEquals(CONTACTS, simulator.stats().contactsSubmitted(), "every contact once");
            assertEquals(CONTACTS / 100, simulator.stats().submissions());
            assertTrue(deepenrich.pendingBatches().getWaits() > 0, "the source was held back");
            assertTrue(deepenrich.pendingBatches().getPeak() <= MAX_PENDING,
                    "peak " + deepenrich.pendingBatches().getPeak());
        }
    }
}
