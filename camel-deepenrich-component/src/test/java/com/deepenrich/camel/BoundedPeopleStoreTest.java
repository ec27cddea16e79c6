package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.respelled;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The in-memory people store holds at most as many people as it is told: a person beyond the bound is sent without a
 * hold (so another exchange's contact of hers is sent too), counted, and reported in the log; the people held are
 * still sent once.
 */
class BoundedPeopleStoreTest extends ProducerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("small", new InMemoryDeepEnrichLedger(2));
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:bulk").to("deepenrich:bulk?ledger=#small");
                from("deepenrich:results?ledger=#small").autoStartup(false).to("mock:results");
            }
        };
    }

    @Test
    void aPersonBeyondTheBoundIsSentWithoutAHoldCountedAndReported() {
        api.acceptBulkWithIdOfFirstSeq();
        try (LogCapture log = new LogCapture()) {
            template.requestBody("direct:bulk", List.of(contact(0), contact(1), contact(2)));
            SubmissionReceipt again = template.requestBody("direct:bulk",
                    List.of(respelled(0, 10), respelled(1, 11), respelled(2, 12)), SubmissionReceipt.class);

            assertEquals(2, again.getDeduplicated(), "the two people held wait for their requests");
            assertEquals(List.of(0, 1, 2, 12), api.seqsReceived(), "the third, never held, is sent again");
            DeepEnrichEndpoint bulk = context.getEndpoint("deepenrich:bulk?ledger=#small", DeepEnrichEndpoint.class);
            assertEquals(2, bulk.getPeopleSentWithoutHold(), "her first and her second contact");
            assertEquals(2, bulk.getPeopleHeld());
            assertEquals(1, log.lines("people store is full (2 people held)").size(), "once a minute at most");
        }
    }
}
