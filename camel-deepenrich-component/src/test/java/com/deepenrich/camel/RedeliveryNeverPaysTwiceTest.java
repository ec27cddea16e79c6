package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.deepenrich.camel.WireMockApi.contacts;
import static com.deepenrich.camel.WireMockApi.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redelivered exchange resumes, it does not restart: Camel's error handler with redeliveries, around bulk, never
 * sends a request the API already accepted, and the final receipt lists every id of the exchange.
 */
class RedeliveryNeverPaysTwiceTest extends ProducerTestSupport {

    private static final String READ_PATH = BULK_PATH + "/id-0";

    /** What each redelivery of the await route followed (the exception Camel caught). */
    private final List<Exception> redeliveredAfter = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(0));
                from("direct:bulk").to("deepenrich:bulk?maxRetries=0");
                from("direct:await")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(0)
                                .onRedelivery(RedeliveryNeverPaysTwiceTest.this::finishTheJob))
                        .to("deepenrich:bulk?awaitResult=true&awaitTimeout=300&awaitPollInterval=20");
                from("direct:noFingerprints")
                        .to("deepenrich:bulk?maxRetries=0&fingerprintWindow=0&deduplicatePeople=false");
            }
        };
    }

    /** Before a redelivery of the await route: remembers what it follows, and the job at the API ends. */
    private void finishTheJob(Exchange exchange) {
        redeliveredAfter.add(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        api.server.setScenarioState("job", "finished");
    }

    /** The API accepts 3 requests, refuses the next 2 with 503, then accepts again. */
    private void acceptThreeRefuseTwoThenAccept() {
        String[] states = {Scenario.STARTED, "2", "3", "4", "5", "6"};
        for (int i = 0; i < states.length - 1; i++) {
            boolean refused = i == 3 || i == 4;
            api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("api").whenScenarioStateIs(states[i])
                    .willReturn(refused ? aResponse().withStatus(503) : idOfFirstSeq())
                    .willSetStateTo(states[i + 1]));
        }
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("api").whenScenarioStateIs(states[5])
                .willReturn(idOfFirstSeq()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder idOfFirstSeq() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"enrichment_id\": \"id-{{jsonPath request.body '$.datas[0].custom.seq'}}\"}")
                .withTransformers("response-template");
    }

    @Test
    void aRedeliveryAfterAPartialFailureSendsOnlyWhatWasNotAccepted() {
        acceptThreeRefuseTwoThenAccept();

        Exchange out = template.request("direct:bulk", e -> e.getMessage().setBody(contacts(0, 500)));

        assertNull(out.getException());
        List<LoggedRequest> posts = api.bulkRequests();
        assertEquals(7, posts.size(), "3 accepted, 503, 503 (redeliveries 1 and 2), then the last 2 accepted");
        Set<Integer> paid = new HashSet<>();
        List<LoggedRequest> accepted = api.server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(BULK_PATH) && e.getResponse().getStatus() == 200)
                .map(e -> e.getRequest()).map(LoggedRequest.class::cast).toList();
        for (LoggedRequest r : accepted) {
            for (JsonNode c : WireMockApi.json(r).get("datas")) {
                assertTrue(paid.add(c.at("/custom/seq").asInt()), "contact " + c + " accepted twice");
            }
        }
        assertEquals(500, paid.size(), "every contact accepted once");
        SubmissionReceipt receipt = out.getMessage().getBody(SubmissionReceipt.class);
        assertEquals(List.of("id-0", "id-100", "id-200", "id-300", "id-400"), receipt.getEnrichmentIds());
        assertEquals(receipt.getReceived(), receipt.getSubmitted() + receipt.getRejections().size());
    }

    @Test
    @Timeout(30) // an ignored awaitTimeout would wait for the first attempt's job forever
    void aRedeliveryAfterAnAwaitResultTimeoutWaitsAgainForTheSameIdsWithoutASecondPost() {
        api.acceptBulkWithIdOfFirstSeq();
        // the job runs until the first attempt has timed out and Camel redelivers: then it is finished
        api.server.stubFor(get(urlPathEqualTo(READ_PATH)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("result-in-progress.json"))));
        api.server.stubFor(get(urlPathEqualTo(READ_PATH)).inScenario("job").whenScenarioStateIs("finished")
                .willReturn(okJson("{\"id\":\"id-0\",\"status\":\"FINISHED\",\"datas\":[]}")));

        Exchange out = template.request("direct:await", e -> e.getMessage().setBody(contacts(0, 3)));

        assertNull(out.getException());
        assertEquals(1, redeliveredAfter.size(), "one redelivery, after the first attempt's timeout");
        assertInstanceOf(DeepEnrichTimeoutException.class, redeliveredAfter.get(0));
        assertEquals(1, api.bulkRequests().size(), "the redelivery waited, it did not submit again");
        assertEquals("id-0", out.getMessage().getBody(EnrichmentResult.class).getId());
    }

    @Test
    void theSameRequestInAnotherExchangeWithinTheWindowIsAnsweredWithTheEarlierId() {
        api.acceptBulkWithIdOfFirstSeq();

        SubmissionReceipt first = template.requestBody("direct:bulk", contacts(0, 150), SubmissionReceipt.class);
        SubmissionReceipt again = template.requestBody("direct:bulk", contacts(0, 150), SubmissionReceipt.class);

        assertEquals(2, api.bulkRequests().size(), "the replay sent nothing");
        assertEquals(first.getEnrichmentIds(), again.getEnrichmentIds());
    }

    @Test
    void withTheWindowSwitchedOffTheSameRequestIsSentAgain() {
        api.acceptBulkWithIdOfFirstSeq();

        template.requestBody("direct:noFingerprints", contacts(0, 150));
        template.requestBody("direct:noFingerprints", contacts(0, 150));

        List<Integer> sizes = new ArrayList<>(api.bulkSizes());
        assertEquals(List.of(100, 100, 50, 50), sizes);
    }
}
