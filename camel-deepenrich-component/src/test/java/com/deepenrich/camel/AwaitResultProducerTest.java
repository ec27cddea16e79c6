package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contacts;
import static com.deepenrich.camel.WireMockApi.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bulk with awaitResult: the exchange completes with the merged final result, or times out naming what runs. */
class AwaitResultProducerTest extends ProducerTestSupport {

    private static final String AWAIT = "deepenrich:bulk?name=leads&awaitResult=true&awaitPollInterval=20";

    private static String finished(String id, int credits, int... seqs) {
        StringBuilder datas = new StringBuilder();
        for (int seq : seqs) {
            datas.append(datas.length() == 0 ? "" : ",").append("{\"custom\":{\"seq\":\"").append(seq)
                    .append("\"},\"contact\":{\"most_probable_email\":\"p").append(seq).append("@example.com\"}}");
        }
        return "{\"id\":\"" + id + "\",\"name\":\"leads\",\"status\":\"FINISHED\",\"cost\":{\"credits\":" + credits
               + "},\"datas\":[" + datas + "]}";
    }

    /** The enrichment answers IN_PROGRESS once, then its final result. */
    private void finishesAfterOnePoll(String id, String finalBody) {
        String path = "/api/v1/contact/enrich/bulk/" + id;
        api.server.stubFor(get(urlPathEqualTo(path)).inScenario(id).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(fixture("result-in-progress.json"))).willSetStateTo("done"));
        api.server.stubFor(get(urlPathEqualTo(path)).inScenario(id).whenScenarioStateIs("done")
                .willReturn(okJson(finalBody)));
    }

    @Test
    void completesWithTheResultsMergedInInputOrderAndForgetsThemInTheLedger() {
        api.acceptBulkWithIdOfFirstSeq();
        finishesAfterOnePoll("id-0", finished("id-0", 2, 0, 1));
        finishesAfterOnePoll("id-100", finished("id-100", 1, 100));

        Exchange out = template.request(AWAIT, e -> e.getMessage().setBody(contacts(0, 150)));

        assertNull(out.getException());
        EnrichmentResult result = out.getMessage().getBody(EnrichmentResult.class);
        assertEquals(EnrichmentStatus.FINISHED, result.getStatus());
        assertEquals(List.of("0", "1", "100"),
                result.getContacts().stream().map(c -> c.getCustom().get("seq")).toList());
        assertEquals(3, result.count(ContactOutcome.FOUND));
        assertEquals(3, result.getCredits());
        assertEquals(List.of("id-0", "id-100"), out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_IDS));
        DeepEnrichEndpoint endpoint = context.getEndpoint(AWAIT, DeepEnrichEndpoint.class);
        assertFalse(endpoint.getLedger().find("id-0").isPresent());
        assertFalse(endpoint.getLedger().find("id-100").isPresent());
    }

    @Test
    void timesOutNamingTheEnrichmentsStillRunningWhichStayInTheLedger() {
        api.acceptBulkWithIdOfFirstSeq();
        api.server.stubFor(get(urlPathEqualTo("/api/v1/contact/enrich/bulk/id-0"))
                .willReturn(okJson(fixture("result-in-progress.json"))));
        String uri = AWAIT + "&awaitTimeout=200";

        Exchange out = template.request(uri, e -> e.getMessage().setBody(contacts(0, 3)));

        DeepEnrichTimeoutException e = assertInstanceOf(DeepEnrichTimeoutException.class, out.getException());
        assertEquals(List.of("id-0"), e.getPendingIds());
        assertEquals("leads", e.getRequestName());
        assertTrue(context.getEndpoint(uri, DeepEnrichEndpoint.class).getLedger().find("id-0").isPresent());
    }
}
