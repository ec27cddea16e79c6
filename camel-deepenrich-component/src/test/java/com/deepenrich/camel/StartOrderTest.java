package com.deepenrich.camel;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartOrderTest {

    private final WireMockApi api = new WireMockApi();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void splitThenAggregateInOneRoute() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("deepenrich", api.component());
            camel.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:in").split(body().tokenize("\n")).streaming()
                            .aggregate(constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                            .completionTimeout(1000)
                            .to("deepenrich:bulk?name=leads")
                            .to("mock:done");
                }
            });
            camel.start();
            NotifyBuilder done = new NotifyBuilder(camel).from("direct:in").whenDone(1).create();
            String lines = IntStream.range(0, 150).mapToObj(i -> "{\"firstname\":\"F" + i
                                                                 + "\",\"lastname\":\"L\",\"domain\":\"example.com\",\"custom\":{\"seq\":\""
                                                                 + i + "\"}}")
                    .collect(Collectors.joining("\n"));
            camel.createProducerTemplate().sendBody("direct:in", lines);
            assertTrue(done.matches(10, TimeUnit.SECONDS));
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> api.seqsReceived().size() == 150);
            assertEquals(150, api.seqsReceived().size());
        }
    }
}
