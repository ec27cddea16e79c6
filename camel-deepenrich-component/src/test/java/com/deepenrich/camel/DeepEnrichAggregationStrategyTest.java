package com.deepenrich.camel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.deepenrich.camel.model.Contact;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.contacts;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Single contacts, in any body bulk accepts, are grouped into requests of at most 100 contacts. */
class DeepEnrichAggregationStrategyTest extends ProducerTestSupport {

    private static final List<Integer> ALL_250 = IntStream.range(0, 250).boxed().toList();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:canonical")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                        .to("deepenrich:bulk");
                from("direct:lists")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(60_000).forceCompletionOnStop()
                        .to("deepenrich:bulk");
            }
        };
    }

    /** Contact i in the i-th of the body shapes bulk accepts. */
    private Object asSomeBody(int i) {
        Contact c = contact(i);
        return switch (i % 4) {
            case 0 -> c;
            case 1 -> context.getTypeConverter().convertTo(Map.class, c);
            case 2 -> context.getTypeConverter().convertTo(String.class, c);
            default -> List.of(c);
        };
    }

    @Test
    void twoHundredFiftySinglesLeaveAsRequestsOf100And100And50() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();

        for (int i = 0; i < 250; i++) {
            template.sendBody("direct:canonical", asSomeBody(i));
        }

        await("3 bulk requests").until(() -> api.bulkRequests().size() == 3);
        assertEquals(List.of(100, 100, 50), api.bulkSizes());
        assertEquals(ALL_250, api.seqsReceived(), "every contact sent exactly once");
    }

    @Test
    void groupCompletesAt100ContactsWhateverTheNumberOfMessages() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();

        for (int i = 0; i < 150; i += 5) {
            template.sendBody("direct:lists", contacts(i, 5));
        }

        await("the first group of 100 contacts").until(() -> api.bulkRequests().size() == 1);
        assertEquals(List.of(100), api.bulkSizes(), "30 messages of 5: complete at 100 contacts, not 100 messages");
        context.stop();
        assertEquals(List.of(100, 50), api.bulkSizes());
    }

    @Test
    void groupHoldsOnlyJdkTypesThatSurviveSerialization() throws Exception {
        DeepEnrichAggregationStrategy strategy = new DeepEnrichAggregationStrategy();
        Exchange group = strategy.aggregate(null, exchangeWith(contact(0)));
        String json = "[{\"firstname\":\"a\",\"lastname\":\"b\",\"domain\":\"c.com\"}]";
        group = strategy.aggregate(group, exchangeWith(json));
        group = strategy.aggregate(group, exchangeWith(Map.of("First Name", "x", "lastname", "y", "company", "z")));

        List<?> body = group.getMessage().getBody(List.class);
        assertInstanceOf(ArrayList.class, body);
        assertEquals(3, body.size());
        body.forEach(item -> assertInstanceOf(LinkedHashMap.class, item));
        assertEquals(Map.of("seq", "0"), ((Map<?, ?>) body.get(0)).get("custom"));
        assertEquals(body, roundTripWithJdbcRepositoryFilter(body));
    }

    @Test
    void aMessageWithNoContactsFailsAloneAndTheGroupKeepsItsContacts() {
        DeepEnrichAggregationStrategy strategy = new DeepEnrichAggregationStrategy();
        Exchange group = strategy.aggregate(null, exchangeWith(contact(0)));

        assertThrows(DeepEnrichValidationException.class, () -> strategy.aggregate(group, exchangeWith("not json")));

        assertEquals(1, group.getMessage().getBody(List.class).size());
    }

    private Exchange exchangeWith(Object body) {
        Exchange e = new DefaultExchange(context);
        e.getMessage().setBody(body);
        return e;
    }

    /** Java serialization under the deserialization filter JdbcAggregationRepository applies by default. */
    private static Object roundTripWithJdbcRepositoryFilter(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.**;org.apache.camel.**;!*"));
            return in.readObject();
        }
    }
}
