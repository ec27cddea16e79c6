package com.deepenrich.camel.examples.quarkus;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(DeepEnrichSimulatorResource.class)
class JavaFlowTest extends SampleFlowTestSupport {

    @Test
    void sampleContactsAreSubmittedInOneRequestAndReadBackByThePollConsumer() {
        assertEveryValidSampleContactEnrichedOnceFromOneRequest();
        assertTrue(simulator.stats().requests("GET /contact/enrich/bulk/{id}") >= 1, "the result was polled");
        assertEquals(0, simulator.stats().webhookAttempts(), "no callback URL, no webhook");
    }
}
