package com.deepenrich.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;

/**
 * What the tests of the results side share: the component's ledger, a step of the route that a test may replace
 * (to fail or hold the route), and the {@code mock:results} the route ends in.
 */
abstract class ResultsTestSupport extends ProducerTestSupport {

    /** Runs in the route just before mock:results. */
    volatile Processor routeStep = exchange -> {};

    /** A route {@code results} from {@code uri} through {@link #routeStep} to mock:results. */
    RouteBuilder routeToResults(String uri) {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(uri).routeId("results").process(exchange -> routeStep.process(exchange)).to("mock:results");
            }
        };
    }

    DeepEnrichLedger ledger() {
        return context.getComponent("deepenrich", DeepEnrichComponent.class).defaultLedger();
    }

    /** Recorded as the bulk producer does, submitted {@code age} ago. */
    void submitted(String id, Duration age) {
        ledger().record(new PendingEnrichment(id, "Sales Operations in London", Instant.now().minus(age), 1));
    }

    MockEndpoint results() {
        return getMockEndpoint("mock:results");
    }

    /** The route fails on the first exchange it sees, with {@code message}; returns the count of exchanges seen. */
    AtomicInteger failFirstRouteAttempt(String message) {
        AtomicInteger attempts = new AtomicInteger();
        routeStep = exchange -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(message);
            }
        };
        return attempts;
    }
}
