package com.deepenrich.camel.examples.quarkus;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(DeepEnrichSimulatorResource.class)
class JavaFlowTest {

    @Inject
    @ConfigProperty(name = "output.dir")
    String outputDir;

    @InjectSimulator
    DeepEnrichSimulator simulator;

    @Test
    void sampleContactsAreSubmittedInOneRequestAndReadBackByThePollConsumer() {
        EnrichedOutput.assertEveryValidSampleContactEnrichedOnce(outputDir);
        assertEquals(1, simulator.stats().submissions(), "99 valid contacts, one bulk request");
        assertEquals(99, simulator.stats().contactsSubmitted());
    }
}
