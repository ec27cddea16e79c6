package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.deepenrich.camel.ResultStubs.creditsInsufficient;
import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.deepenrich.camel.WireMockApi.contacts;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enrichment that ended CREDITS_INSUFFICIENT or CANCELED enriched nobody: the same contacts sent again (after a
 * top-up) are sent, whether its result was awaited, emitted by the results consumer or read by getResult.
 */
class ReSendAfterUnenrichedTest extends ResultsTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:await").to("deepenrich:bulk?name=Leads&awaitResult=true&awaitPollInterval=20");
                from("direct:bulk").to("deepenrich:bulk?name=Leads");
                from("direct:getResult").to("deepenrich:getResult");
                from("deepenrich:results?delay=20&initialDelay=0").routeId("results").autoStartup(false)
                        .to("mock:results");
            }
        };
    }

    /** The first request is accepted as id-1, which ends {@code status}; the next as id-2, which finishes. */
    private void firstEndsThenSecondFinishes(EnrichmentStatus status) {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("ids").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"enrichment_id\": \"id-1\"}")).willSetStateTo("second"));
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("ids").whenScenarioStateIs("second")
                .willReturn(okJson("{\"enrichment_id\": \"id-2\"}")));
        ResultStubs.answerInTurn(api, "id-1",
                ok(creditsInsufficient("id-1").replace("CREDITS_INSUFFICIENT", status.name())));
        ResultStubs.answerInTurn(api, "id-2", ok(finished("id-2")));
    }

    @ParameterizedTest
    @EnumSource(names = {"CREDITS_INSUFFICIENT", "CANCELED"})
    void awaitResultSendsTheSameContactsAgain(EnrichmentStatus status) {
        firstEndsThenSecondFinishes(status);

        EnrichmentResult first = template.requestBody("direct:await", contacts(0, 3), EnrichmentResult.class);
        EnrichmentResult again = template.requestBody("direct:await", contacts(0, 3), EnrichmentResult.class);

        assertEquals(status, first.getStatus());
        assertEquals(List.of(3, 3), api.bulkSizes(), "the same three contacts sent twice");
        assertEquals("id-2", again.getId());
        assertEquals(EnrichmentStatus.FINISHED, again.getStatus());
    }

    @ParameterizedTest
    @EnumSource(names = {"CREDITS_INSUFFICIENT", "CANCELED"})
    void theResultsConsumerMakesTheSameContactsSentAgain(EnrichmentStatus status) throws Exception {
        firstEndsThenSecondFinishes(status);
        results().expectedMessageCount(1);
        template.requestBody("direct:bulk", contacts(0, 3));
        context.getRouteController().startRoute("results");
        results().assertIsSatisfied();
        EnrichmentResult first = results().getExchanges().get(0).getMessage().getBody(EnrichmentResult.class);
        assertEquals(status, first.getStatus());

        results().reset();
        results().expectedMessageCount(1);
        template.requestBody("direct:bulk", contacts(0, 3));

        results().assertIsSatisfied();
        assertEquals(List.of(3, 3), api.bulkSizes(), "the same three contacts sent twice");
        assertEquals("id-2", results().getExchanges().get(0).getMessage().getBody(EnrichmentResult.class).getId());
    }

    @ParameterizedTest
    @EnumSource(names = {"CREDITS_INSUFFICIENT", "CANCELED"})
    void getResultMakesTheSameContactsSentAgain(EnrichmentStatus status) {
        firstEndsThenSecondFinishes(status);
        template.requestBody("direct:bulk", contacts(0, 3));

        EnrichmentResult first = template.requestBodyAndHeader("direct:getResult", null,
                DeepEnrichConstants.ENRICHMENT_ID, "id-1", EnrichmentResult.class);
        template.requestBody("direct:bulk", contacts(0, 3));

        assertEquals(ContactOutcome.valueOf(status.name()), first.getContacts().get(0).getOutcome());
        await().until(() -> api.bulkRequests().size() == 2);
        assertEquals(List.of(3, 3), api.bulkSizes(), "the same three contacts sent twice");
    }
}
