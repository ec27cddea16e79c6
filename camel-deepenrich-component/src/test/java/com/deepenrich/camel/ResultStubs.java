package com.deepenrich.camel;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Results as DeepEnrich answers them (built from the fixtures, for any id), and stubs of
 * GET /contact/enrich/bulk/{id} on a {@link WireMockApi} answering a given sequence.
 */
final class ResultStubs {

    static final String RESULT_PATH = "/api/v1/contact/enrich/bulk/";
    private static final String FINISHED_ID = "a1b2c3d4-5678-90ef-gh12-ijkl345678mn";
    private static final String CREDITS_INSUFFICIENT_ID = "b2c3d4e5-6789-01fa-bc23-jklm456789no";

    /** One answer of the API: HTTP status and body. */
    record Answer(int status, String body) {
    }

    private ResultStubs() {
    }

    /** result-finished.json for {@code id}: one contact found, 11 credits. */
    static String finished(String id) {
        return WireMockApi.fixture("result-finished.json").replace(FINISHED_ID, id);
    }

    /** result-credits-insufficient.json for {@code id}: a blank contact, custom echoed. */
    static String creditsInsufficient(String id) {
        return WireMockApi.fixture("result-credits-insufficient.json").replace(CREDITS_INSUFFICIENT_ID, id);
    }

    /** result-in-progress.json for {@code id}, with the given (not final) status. */
    static String running(String id, String status) {
        return WireMockApi.fixture("result-in-progress.json").replace(FINISHED_ID, id)
                .replace("\"IN_PROGRESS\"", "\"" + status + "\"");
    }

    static Answer ok(String body) {
        return new Answer(200, body);
    }

    /** The 400 error.enrichment.in_progress answer. */
    static Answer inProgress400() {
        return new Answer(400, WireMockApi.fixture("result-in-progress-400.json"));
    }

    /** GET of {@code id} answers {@code answers} in turn, then the last one again and again. */
    static void answerInTurn(WireMockApi api, String id, Answer... answers) {
        String scenario = "result " + id;
        for (int i = 0; i < answers.length; i++) {
            ScenarioMappingBuilder stub = get(urlPathEqualTo(RESULT_PATH + id)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willReturn(aResponse().withStatus(answers[i].status())
                            .withHeader("Content-Type", "application/json").withBody(answers[i].body()));
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("answer " + (i + 1));
            }
            api.server.stubFor(stub);
        }
    }

    /** How many times the result of {@code id} was read. */
    static int reads(WireMockApi api, String id) {
        return api.requests(getRequestedFor(urlPathEqualTo(RESULT_PATH + id))).size();
    }
}
