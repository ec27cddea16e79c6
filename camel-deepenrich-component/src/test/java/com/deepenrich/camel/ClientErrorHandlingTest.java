package com.deepenrich.camel;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.RequestNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.contacts;
import static com.deepenrich.camel.WireMockApi.fixture;
import static com.deepenrich.camel.WireMockApi.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How API errors and network failures surface: which are retried, which exception, what it tells. */
class ClientErrorHandlingTest extends ProducerTestSupport {

    private static final String BULK = "deepenrich:bulk?name=leads";

    private static Map<String, JsonNode> errors() throws Exception {
        JsonNode all = json(fixture("errors.json"));
        return DeepEnrichJson.mapper().convertValue(all, DeepEnrichJson.mapper().getTypeFactory()
                .constructMapType(Map.class, String.class, JsonNode.class));
    }

    private static String errorBody(String code) throws Exception {
        return errors().values().stream().filter(e -> e.get("code").asText().equals(code)).findFirst()
                .orElseThrow().toString();
    }

    private void answerBulk(int status, String body) {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Exception bulkFailure(String uri, Object body) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
        return out.getException();
    }

    static Stream<Arguments> errorsNotRetried() {
        return Stream.of(
                Arguments.of("error.authorization.not_set", 401, DeepEnrichAuthenticationException.class),
                Arguments.of("error.authorization.not_bearer", 401, DeepEnrichAuthenticationException.class),
                Arguments.of("error.api.key", 401, DeepEnrichAuthenticationException.class),
                Arguments.of("error.enrichment.name.empty", 400, DeepEnrichValidationException.class),
                Arguments.of("error.enrichment.data.empty", 400, DeepEnrichValidationException.class));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("errorsNotRetried")
    void apiErrorsCarryTheApiCodeAndAreNotRetried(String code, int status, Class<? extends DeepEnrichException> type)
            throws Exception {
        answerBulk(status, errorBody(code));

        Exception e = bulkFailure(BULK, contact(0));

        DeepEnrichException error = assertInstanceOf(type, e);
        assertEquals(code, error.getCode());
        assertEquals(status, error.getHttpStatus());
        assertEquals("leads", RequestNames.userName(error.getRequestName()));
        assertTrue(error.getMessage().contains(code), error.getMessage());
        assertEquals(1, api.bulkRequests().size());
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheRetryAfterDelay() throws Exception {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(errorBody("error.rate.limit")))
                .willSetStateTo("allowed"));
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).inScenario("rate").whenScenarioStateIs("allowed")
                .willReturn(okJson("{\"enrichment_id\": \"after-wait\"}")));

        Exchange out = template.request(BULK + "&maxRetryDelay=5000", e -> e.getMessage().setBody(contact(0)));

        assertNull(out.getException());
        assertEquals("after-wait", out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        List<LoggedRequest> requests = api.bulkRequests();
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 950, "Retry-After: 1 honored, but the retry came after " + gap + " ms");
    }

    @Test
    void serverErrorsAreRetriedUpToMaxRetriesThenFailNamingTheRequest() {
        answerBulk(500, "{\"code\": \"error.internal\", \"message\": \"boom\"}");

        Exception e = bulkFailure(BULK + "&maxRetries=2", contact(0));

        DeepEnrichServerException server = assertInstanceOf(DeepEnrichServerException.class, e);
        assertEquals("leads", RequestNames.userName(server.getRequestName()));
        assertTrue(server.getMessage().contains("[request 'leads #"), server.getMessage());
        assertEquals(500, server.getHttpStatus());
        assertEquals(3, api.bulkRequests().size(), "the first attempt and 2 retries");
    }

    @Test
    void connectionRefusedIsRetriedThenFailsNamingTheHostPortAndWhatWasTried() throws Exception {
        int closedPort = closedPort();

        Exception e = bulkFailure(BULK + "&maxRetries=2&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1",
                contact(0));

        DeepEnrichConnectionException refused = assertInstanceOf(DeepEnrichConnectionException.class, e);
        assertFalse(refused instanceof DeepEnrichInDoubtException, "never sent, so not in doubt");
        assertEquals(0, refused.getHttpStatus());
        assertEquals("leads", RequestNames.userName(refused.getRequestName()));
        String message = refused.getMessage();
        assertTrue(message.startsWith("DeepEnrich no answer from 127.0.0.1:" + closedPort + ": could not connect"),
                message);
        assertTrue(message.contains("POST /api/v1/contact/enrich/bulk was tried 3 times over ")
                   && message.contains("(maxRetries=2)")
                   && message.contains("baseUrl http://127.0.0.1:" + closedPort + "/api/v1"),
                message);
        assertInstanceOf(ConnectException.class, refused.getCause());
    }

    @Test
    void eachRetryLogsOneWarningWithTheAttemptTheWaitAndTheCause() throws Exception {
        int closedPort = closedPort();

        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            bulkFailure(BULK + "&maxRetries=2&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1", contact(0));
            warnings = log.lines("WARN com.deepenrich.camel.client.DeepEnrichClient");
        }

        assertEquals(2, warnings.size(), String.join("\n", warnings));
        for (int attempt = 1; attempt <= 2; attempt++) {
            String line = warnings.get(attempt - 1);
            assertTrue(line.contains("POST /api/v1/contact/enrich/bulk to 127.0.0.1:" + closedPort + ": attempt "
                                     + attempt + " of 3 failed: could not connect")
                       && line.contains("; next attempt in ") && line.contains("[request 'leads #"),
                    line);
        }
    }

    @Test
    void aServerErrorRetriedIsLoggedWithItsStatusAndCode() {
        answerBulk(503, "{\"code\": \"error.server\", \"message\": \"down\"}");

        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            bulkFailure(BULK + "&maxRetries=1", contact(0));
            warnings = log.lines("WARN com.deepenrich.camel.client.DeepEnrichClient");
        }

        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("attempt 1 of 2 failed: HTTP 503 error.server; next attempt in "),
                warnings.get(0));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void outOfCreditsOnTheSecondRequestStopsAndKeepsTheUnsentContacts() {
        api.acceptBulkWithIdOfFirstSeq();
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.datas[0].custom.seq", equalTo("100")))
                .willReturn(aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"error.credits.insufficient\", \"message\": \"Not enough credits\"}")));

        Exception e = bulkFailure(BULK, contacts(0, 250));

        DeepEnrichInsufficientCreditsException credits = assertInstanceOf(DeepEnrichInsufficientCreditsException.class,
                e);
        assertEquals(List.of("id-0"), credits.getSubmittedIds());
        assertEquals(150, credits.getUnsubmittedContacts().size());
        assertEquals(contact(100), credits.getUnsubmittedContacts().get(0));
        assertEquals(2, api.bulkRequests().size(), "nothing submitted after the account ran out of credits");
        DeepEnrichEndpoint endpoint = context.getEndpoint(BULK, DeepEnrichEndpoint.class);
        assertTrue(endpoint.getLedger().find("id-0").isPresent(), "the accepted request is in the ledger");
    }
}
