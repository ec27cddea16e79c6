package com.deepenrich.camel;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.fixture;
import static com.deepenrich.camel.WireMockApi.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** getResult, getCredits and verifyKey, and the operation header that overrides the endpoint's operation. */
class ResultAndAccountOperationsTest extends ProducerTestSupport {

    private static final String ID = "a1b2c3d4-5678-90ef-gh12-ijkl345678mn";
    private static final String RESULT_PATH = "/api/v1/contact/enrich/bulk/" + ID;

    private void answerResult(int status, String body) {
        api.server.stubFor(get(urlPathEqualTo(RESULT_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Exchange getResult(String uri) {
        return template.request(uri, e -> e.getMessage().setHeader(DeepEnrichConstants.ENRICHMENT_ID, ID));
    }

    @Test
    void finishedResultHasOutcomesAndKeepsUnknownFieldsForTheJsonConverter() throws Exception {
        ObjectNode finished = (ObjectNode) json(fixture("result-finished.json"));
        ((ObjectNode) finished.at("/datas/0/contact")).put("job_change_detected", true);
        answerResult(200, finished.toString());

        Exchange out = getResult("deepenrich:getResult");

        assertNull(out.getException());
        EnrichmentResult result = out.getMessage().getBody(EnrichmentResult.class);
        assertEquals(EnrichmentStatus.FINISHED, result.getStatus());
        assertEquals(ContactOutcome.FOUND, result.getContacts().get(0).getOutcome());
        assertEquals(EnrichmentStatus.FINISHED, out.getMessage().getHeader(DeepEnrichConstants.STATUS));
        assertEquals(11L, out.getMessage().getHeader(DeepEnrichConstants.CREDITS));
        assertEquals("Sales Operations in London", out.getMessage().getHeader(DeepEnrichConstants.NAME));
        JsonNode written = json(out.getMessage().getBody(String.class));
        assertEquals(true, written.at("/datas/0/contact/job_change_detected").asBoolean());
        assertEquals("Computer Software", written.at("/datas/0/contact/profile/position/company/industry").asText());
    }

    @Test
    void runningEnrichmentIsInProgressWhetherAnswered200() {
        answerResult(200, fixture("result-in-progress.json"));

        Exchange out = getResult("deepenrich:getResult");

        assertNull(out.getException());
        assertEquals(EnrichmentStatus.IN_PROGRESS, out.getMessage().getBody(EnrichmentResult.class).getStatus());
    }

    @Test
    void runningEnrichmentIsInProgressWhenAnswered400InProgress() {
        answerResult(400, fixture("result-in-progress-400.json"));

        Exchange out = getResult("deepenrich:getResult");

        assertNull(out.getException());
        EnrichmentResult result = out.getMessage().getBody(EnrichmentResult.class);
        assertEquals(EnrichmentStatus.IN_PROGRESS, result.getStatus());
        assertEquals(ID, result.getId());
        assertEquals(EnrichmentStatus.IN_PROGRESS, out.getMessage().getHeader(DeepEnrichConstants.STATUS));
        api.server.verify(1, getRequestedFor(urlPathEqualTo(RESULT_PATH)));
    }

    @Test
    void outOfCreditsBlanksAreCreditsInsufficientNotNotFound() {
        answerResult(200, fixture("result-credits-insufficient.json"));

        Exchange out = getResult("deepenrich:getResult");

        EnrichmentResult result = out.getMessage().getBody(EnrichmentResult.class);
        assertEquals(EnrichmentStatus.CREDITS_INSUFFICIENT, result.getStatus());
        assertEquals(1, result.count(ContactOutcome.CREDITS_INSUFFICIENT));
        assertEquals(0, result.count(ContactOutcome.NOT_FOUND));
        assertEquals(Map.of("user_id", "12584"), result.getContacts().get(0).getCustom());
    }

    @Test
    void unknownEnrichmentIsNotFound() {
        answerResult(404, "{\"code\": \"error.enrichment.not_found\", \"message\": \"Enrichment not found\"}");

        Exchange out = getResult("deepenrich:getResult");

        DeepEnrichNotFoundException e = assertInstanceOf(DeepEnrichNotFoundException.class, out.getException());
        assertEquals("error.enrichment.not_found", e.getCode());
    }

    @Test
    void forceResultsOptionAndHeaderAskForPartialResults() {
        answerResult(200, fixture("result-in-progress.json"));

        getResult("deepenrich:getResult");
        getResult("deepenrich:getResult?forceResults=true");
        template.request("deepenrich:getResult", e -> {
            e.getMessage().setHeader(DeepEnrichConstants.ENRICHMENT_ID, ID);
            e.getMessage().setHeader(DeepEnrichConstants.FORCE_RESULTS, true);
        });
        template.request("deepenrich:getResult?forceResults=true", e -> {
            e.getMessage().setHeader(DeepEnrichConstants.ENRICHMENT_ID, ID);
            e.getMessage().setHeader(DeepEnrichConstants.FORCE_RESULTS, false);
        });

        api.server.verify(2, getRequestedFor(urlPathEqualTo(RESULT_PATH)).withQueryParam("forceResults", absent()));
        api.server.verify(2, getRequestedFor(urlPathEqualTo(RESULT_PATH))
                .withQueryParam("forceResults", equalTo("true")));
    }

    @Test
    void enrichmentIdIsSentAsOnePathSegment() {
        api.server.stubFor(get(urlPathMatching("/api/v1/contact/enrich/bulk/.*"))
                .willReturn(okJson(fixture("result-in-progress.json"))));

        Exchange out = template.request("deepenrich:getResult",
                e -> e.getMessage().setHeader(DeepEnrichConstants.ENRICHMENT_ID, "../../account/credits x"));

        assertNull(out.getException());
        List<String> urls = api.server.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList();
        assertEquals(List.of("/api/v1/contact/enrich/bulk/..%2F..%2Faccount%2Fcredits%20x"), urls);
    }

    @Test
    void getResultWithoutAnIdFailsWithoutARequest() {
        Exchange out = template.request("deepenrich:getResult", e -> e.getMessage().setBody("x"));

        assertInstanceOf(IllegalArgumentException.class, out.getException());
        assertEquals(0, api.server.getAllServeEvents().size());
    }

    @Test
    void getCreditsAnswersTheBalance() {
        api.server.stubFor(get(urlEqualTo("/api/v1/account/credits")).willReturn(okJson("{\"balance\": 1234}")));

        assertEquals(Long.valueOf(1234), template.requestBody("deepenrich:getCredits", (Object) null));
    }

    @Test
    void verifyKeyAnswersTheWorkspaceId() {
        api.server.stubFor(get(urlEqualTo("/api/v1/account/keys/verify"))
                .willReturn(okJson("{\"workspace_id\": \"ws-42\"}")));

        assertEquals("ws-42", template.requestBody("deepenrich:verifyKey", (Object) null));
        api.server.verify(getRequestedFor(urlEqualTo("/api/v1/account/keys/verify"))
                .withHeader("Authorization", equalTo("Bearer " + WireMockApi.API_KEY)));
    }

    @Test
    void operationHeaderOverridesTheEndpointOperation() {
        api.server.stubFor(get(urlEqualTo("/api/v1/account/credits")).willReturn(okJson("{\"balance\": 7}")));

        Object balance = template.requestBodyAndHeader("deepenrich:bulk", "not contacts",
                DeepEnrichConstants.OPERATION, "getCredits");

        assertEquals(7L, balance);
        assertEquals(0, api.bulkRequests().size());
    }
}
