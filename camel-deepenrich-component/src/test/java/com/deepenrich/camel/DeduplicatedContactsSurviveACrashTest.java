package com.deepenrich.camel;

import java.nio.file.Path;
import java.util.List;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node sends a person, and registers a second contact of hers as waiting, then is killed with SIGKILL before any
 * result is read. The restarted node, on the same file ledger, emits her result once with both contacts: the waiting
 * contact is answered from the ledger's people store, and the person was sent once.
 */
class DeduplicatedContactsSurviveACrashTest {

    private final WireMockApi api = new WireMockApi();

    @TempDir
    Path work;

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void theWaitingContactIsAnsweredAfterTheRestart() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, "FINISHED");
        NodeProcess node = NodeProcess.start(PeopleCrashNode.class, work.toString(), api.baseUrl());
        try {
            node.await("both contacts submitted", () -> node.lines().contains(PeopleCrashNode.SUBMITTED));
        } finally {
            node.kill();
        }

        DeepEnrichComponent component = api.component();
        component.getConfiguration().setLedger(new FileDeepEnrichLedger(work));
        CamelContext restarted = new DefaultCamelContext();
        restarted.addComponent("deepenrich", component);
        restarted.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("deepenrich:results?delay=20&initialDelay=0").to("mock:results");
            }
        });
        restarted.start();
        try {
            MockEndpoint results = restarted.getEndpoint("mock:results", MockEndpoint.class);
            results.expectedMessageCount(1);
            results.assertIsSatisfied();

            List<EnrichedContact> contacts = results.getExchanges().get(0).getMessage()
                    .getBody(EnrichmentResult.class).getContacts();
            assertEquals(List.of("0", "1"), contacts.stream().map(c -> c.getCustom().get("seq")).toList());
            assertFalse(contacts.get(0).isDeduplicated());
            assertTrue(contacts.get(1).isDeduplicated());
            assertEquals("first0.last0@example.com", contacts.get(1).getMostProbableEmail());
            assertEquals(List.of(0), api.seqsReceived(), "the person sent once");
        } finally {
            restarted.stop();
        }
    }
}
