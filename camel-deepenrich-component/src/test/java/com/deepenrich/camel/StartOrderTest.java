package com.deepenrich.camel;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the order in which Camel starts a {@code deepenrich} endpoint and its component (inside an EIP while the
 * context starts, before the context, dynamically after it), the endpoint finds what it
 * needs. The route-shape suite of examples/yaml-routes runs every EIP shape under camel-main.
 */
class StartOrderTest {

    private final WireMockApi api = new WireMockApi();

    @BeforeEach
    void accept() {
        api.acceptBulkWithIdOfFirstSeq();
    }

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void splitThenAggregateInOneRoute() throws Exception {
        try (CamelContext camel = withTheApi(api.component())) {
            RouteBuilder.addRoutes(camel, rb -> rb.from("direct:in").split(rb.body().tokenize("\n")).streaming()
                    .aggregate(rb.constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                    .completionTimeout(1000)
                    .to("deepenrich:bulk?name=leads"));
            camel.start();
            NotifyBuilder done = new NotifyBuilder(camel).from("direct:in").whenDone(1).create();
            camel.createProducerTemplate().sendBody("direct:in", WireMockApi.jsonLines(0, 150));
            assertTrue(done.matches(10, TimeUnit.SECONDS));
            awaitSeqs(150);
        }
    }

    @Test
    void endpointStartedBeforeTheContext() throws Exception {
        try (CamelContext camel = withTheApi(api.component())) {
            Endpoint bulk = camel.getEndpoint("deepenrich:bulk?name=early");
            bulk.start();
            RouteBuilder.addRoutes(camel, rb -> rb.from("direct:in").to(bulk));
            camel.start();
            camel.createProducerTemplate().sendBody("direct:in", WireMockApi.contacts(0, 3));
            awaitSeqs(3);
        }
    }

    @Test
    void dynamicEndpointAfterStart() throws Exception {
        try (CamelContext camel = withTheApi(api.component())) {
            RouteBuilder.addRoutes(camel, rb -> rb.from("direct:in").toD("deepenrich:bulk?name=${header.listName}"));
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeader("direct:in", WireMockApi.contacts(0, 2), "listName", "a");
            camel.createProducerTemplate().sendBodyAndHeader("direct:in", WireMockApi.contacts(2, 2), "listName", "b");
            awaitSeqs(4);
        }
    }

    /** The component stopped under a started endpoint: its request cannot leave, and the exchange says so at once. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // well under the 30 s a stop waits for unanswered batches
    void aFailureBeforeTheRequestLeavesCompletesTheExchangeAsNotSent() throws Exception {
        DeepEnrichComponent component = api.component();
        try (CamelContext camel = withTheApi(component)) {
            RouteBuilder.addRoutes(camel, rb -> rb.from("direct:in").to("deepenrich:bulk?name=late&maxRetries=3"));
            camel.start();
            component.stop();

            Exchange sent = camel.createProducerTemplate().send("direct:in",
                    e -> e.getMessage().setBody(WireMockApi.contacts(0, 2)));

            DeepEnrichException failure = assertInstanceOf(DeepEnrichException.class, sent.getException());
            assertEquals("request.not.sent", failure.getCode());
            assertTrue(failure.getMessage().contains("not sent"), failure.getMessage());
            assertEquals(List.of(), api.bulkRequests());
        }
    }

    private static CamelContext withTheApi(DeepEnrichComponent component) {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("deepenrich", component);
        return camel;
    }

    private void awaitSeqs(int count) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> api.seqsReceived().size() >= count);
        assertEquals(count, api.seqsReceived().size(), "every contact sent once");
    }
}
