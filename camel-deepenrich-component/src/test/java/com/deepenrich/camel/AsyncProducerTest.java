package com.deepenrich.camel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.deepenrich.camel.WireMockApi.contact;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * No Camel thread waits for the API: process() hands the exchange over and returns while the API has not answered
 * yet, and the exchange completes later on another thread.
 */
class AsyncProducerTest extends ProducerTestSupport {

    static Stream<Arguments> operations() {
        return Stream.of(Arguments.of("bulk", contact(0)), Arguments.of("getResult", null),
                Arguments.of("getCredits", null), Arguments.of("verifyKey", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void processReturnsBeforeTheAnswerAndCompletesOnAnotherThread(String operation, Object body) throws Exception {
        api.server.stubFor(any(anyUrl()).willReturn(okJson("{\"enrichment_id\": \"e1\", \"id\": \"e1\", "
                                                           + "\"status\": \"FINISHED\", \"balance\": 5, "
                                                           + "\"workspace_id\": \"w1\"}")
                .withFixedDelay(300)));
        Endpoint endpoint = context.getEndpoint("deepenrich:" + operation);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(DeepEnrichConstants.ENRICHMENT_ID, "e1");
        CompletableFuture<Thread> completedOn = new CompletableFuture<>();

        boolean doneSync = producer.process(exchange, sync -> completedOn.complete(Thread.currentThread()));

        assertFalse(doneSync, "the producer says it continues asynchronously");
        assertFalse(completedOn.isDone(), "process() returned before the API answered");
        assertNotEquals(Thread.currentThread(), completedOn.get(10, TimeUnit.SECONDS));
        assertNull(exchange.getException());
        producer.stop();
    }
}
