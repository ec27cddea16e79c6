package com.deepenrich.camel.examples.yaml;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.apache.camel.builder.Builder.body;
import static org.apache.camel.builder.Builder.constant;
import static org.apache.camel.builder.Builder.header;
import static org.apache.camel.builder.Builder.simple;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code deepenrich} endpoint in each shape of route Camel users write, all in one camel-main {@link Main} as a
 * user's application runs it, against the simulator on 127.0.0.1: for each shape, every contact reaches the API
 * exactly once and every result comes back once (read by a {@code deepenrich:results} poll consumer).
 * <p>
 * A shape a user reports is added here: one more {@link Shape} in {@link #shapes()}, a name and the steps after
 * {@code from("direct:<name>")}, with the way its contacts come in.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RouteShapesTest {

    private static final String API_KEY = "shapes-key";
    private static final String BULK = "deepenrich:bulk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeepEnrichSimulator simulator;
    private static Main main;
    private static ProducerTemplate template;
    /** How many times each contact ({@code shape/seq}) came back in a result. */
    private static final Map<String, AtomicInteger> RESULTS = new ConcurrentHashMap<>();

    static Stream<Shape> shapes() {
        return Stream.of(
                new Shape("split", 150, Input.LINES,
                        r -> r.split(body().tokenize("\n")).streaming()
                                .aggregate(constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                                .completionTimeout(300).to(BULK)),
                new Shape("aggregate", 120, Input.EACH,
                        r -> r.aggregate(constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                                .completionTimeout(300).to(BULK)),
                new Shape("choice", 10, Input.ARRAY,
                        r -> r.choice().when(header("shape").isEqualTo("choice")).to(BULK)
                                .otherwise().to("log:never-here")),
                new Shape("multicast", 10, Input.ARRAY,
                        r -> r.multicast().parallelProcessing().to(BULK, "log:multicast?level=DEBUG")),
                new Shape("recipientList", 10, Input.ARRAY,
                        r -> r.recipientList(simple(BULK + "?name=${header.shape}"))),
                new Shape("toD", 10, Input.ARRAY, r -> r.toD(BULK + "?name=${header.shape}")),
                new Shape("enrich", 10, Input.ARRAY, r -> r.enrich(BULK)),
                new Shape("wireTap", 10, Input.ARRAY, r -> r.wireTap(BULK)),
                new Shape("circuitBreaker", 10, Input.ARRAY, r -> r.circuitBreaker().to(BULK).end()),
                new Shape("loop", 10, Input.ARRAY,
                        r -> r.loop(2).copy().process(RouteShapesTest::keepHalfOfTheLoopIndex).to(BULK)),
                new Shape("onException", 10, Input.ARRAY,
                        r -> r.onException(IllegalStateException.class).handled(true).to(BULK).end()
                                .throwException(new IllegalStateException("the handler sends them"))),
                // the Kamelet sets the endpoint's baseUrl itself (by default the real API's)
                new Shape("kamelet", 10, Input.EACH,
                        r -> r.to("kamelet:deepenrich-sink?baseUrl={{shapes.base-url}}&batchTimeout=300")));
    }

    @BeforeAll
    static void startTheApplication() throws Exception {
        simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().apiKeys(Set.of(API_KEY))
                .processingLatency(Duration.ofMillis(100)).requestsPerMinute(0).build());
        main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // this module's application.properties runs its demo
        main.addOverrideProperty("camel.component.deepenrich.api-key", API_KEY);
        main.addOverrideProperty("camel.component.deepenrich.base-url", simulator.baseUrl());
        main.addOverrideProperty("camel.component.deepenrich.requests-per-minute", "0");
        main.addOverrideProperty("camel.component.deepenrich.first-read-after", "0");
        main.addOverrideProperty("shapes.base-url", simulator.baseUrl());
        main.configure().addRoutesBuilder(new RouteBuilder() {

            @Override
            public void configure() {
                shapes().forEach(shape -> shape.steps().accept(from("direct:" + shape.name()).routeId(shape.name())));
                from("deepenrich:results?delay=200").routeId("results").process(RouteShapesTest::countResults);
            }
        });
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stopTheApplication() {
        if (main != null) {
            main.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyContactReachesTheApiOnceAndEveryResultComesBack(Shape shape) {
        long submittedBefore = simulator.stats().contactsSubmitted();
        long duplicatesBefore = simulator.stats().duplicateContactSubmissions();
        List<String> contacts = IntStream.range(0, shape.contacts()).mapToObj(seq -> contact(shape.name(), seq))
                .toList();

        shape.input().send(template, "direct:" + shape.name(), shape.name(), contacts);

        await().atMost(30, TimeUnit.SECONDS).until(() -> resultsOf(shape.name()) >= shape.contacts());
        assertEquals(shape.contacts(), resultsOf(shape.name()), "every contact's result came back");
        RESULTS.forEach((contact, times) -> assertEquals(1, times.get(), contact + " came back once"));
        assertEquals(shape.contacts(), simulator.stats().contactsSubmitted() - submittedBefore,
                "every contact reached the API");
        assertEquals(duplicatesBefore, simulator.stats().duplicateContactSubmissions(), "no contact was sent twice");
    }

    private static String contact(String shape, int seq) {
        return "{\"firstname\":\"" + shape + "\",\"lastname\":\"Contact" + seq + "\",\"domain\":\""
               + shape.toLowerCase()
               + ".example.com\",\"custom\":{\"shape\":\"" + shape + "\",\"seq\":\"" + seq + "\"}}";
    }

    private static long resultsOf(String shape) {
        return RESULTS.keySet().stream().filter(contact -> contact.startsWith(shape + "/")).count();
    }

    private static void countResults(Exchange exchange) {
        for (EnrichedContact contact : exchange.getMessage().getBody(EnrichmentResult.class).getContacts()) {
            Map<String, String> custom = contact.getCustom();
            RESULTS.computeIfAbsent(custom.get("shape") + "/" + custom.get("seq"), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    /** Loop iteration i of 2 sends the i-th half of the contacts. */
    private static void keepHalfOfTheLoopIndex(Exchange exchange) throws Exception {
        int index = exchange.getProperty(Exchange.LOOP_INDEX, Integer.class);
        List<?> contacts = JSON.readValue(exchange.getMessage().getBody(String.class), List.class);
        int half = contacts.size() / 2;
        exchange.getMessage().setBody(index == 0 ? contacts.subList(0, half) : contacts.subList(half, contacts.size()));
    }

    /** A route shape: its name (and {@code direct:} endpoint), how many contacts it gets, how, and its steps. */
    record Shape(String name, int contacts, Input input, Consumer<RouteDefinition> steps) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** How a shape's contacts come in: header {@code shape} names the shape. */
    enum Input {

        /** One message, one JSON contact per line (a file read whole). */
        LINES {

            @Override
            void send(ProducerTemplate template, String uri, String shape, List<String> contacts) {
                template.sendBodyAndHeader(uri, String.join("\n", contacts), "shape", shape);
            }
        },
        /** One message, a JSON array of the contacts. */
        ARRAY {

            @Override
            void send(ProducerTemplate template, String uri, String shape, List<String> contacts) {
                template.sendBodyAndHeader(uri, "[" + String.join(",", contacts) + "]", "shape", shape);
            }
        },
        /** One message per contact (a JSON object). */
        EACH {

            @Override
            void send(ProducerTemplate template, String uri, String shape, List<String> contacts) {
                contacts.forEach(contact -> template.sendBodyAndHeader(uri, contact, "shape", shape));
            }
        };

        abstract void send(ProducerTemplate template, String uri, String shape, List<String> contacts);
    }
}
