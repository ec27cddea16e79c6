package com.deepenrich.camel;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.deepenrich.camel.callback.CallbackToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secure by default: with no option set the webhook requires the token derived from the API key, which the producer
 * appends; a callback URL from a header reaches only trusted origins; the token is read from its query parameter
 * alone; results the ledger does not hold are marked or dropped; the body is capped while it is read.
 */
class WebhookSecurityTest extends WebhookTestSupport {

    /** HMAC-SHA256("deepenrich-callback") keyed with "test-key", base64url: pinned so that every version agrees. */
    private static final String DERIVED = "JyFxweJwM5aN9rLFAp2VQ7Ff6GFSTQaP3zWmO5OBrEQ";
    private static final int MAX_BODY = 4096;
    private static final String PARTNER = "https://partner.example.com";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(WEBHOOK + "&maxBodySize=" + MAX_BODY).routeId("results").to("mock:results");
                from(WEBHOOK.replace("/deepenrich/results", "/deepenrich/strict") + "&foreignResults=drop")
                        .to("mock:results");
                from(WEBHOOK.replace("/deepenrich/results", "/deepenrich/open") + "&callbackAuthentication=false")
                        .to("mock:results");
                from("direct:bulk").to("deepenrich:bulk?callbackUrl=http://127.0.0.1:" + port + "/deepenrich/results"
                                       + "&callbackUrlAllowList=" + PARTNER + ", https://other.example.com:8443");
            }
        };
    }

    private int contacts;

    /** A bulk of a contact never sent before (the same one again would be answered from the fingerprint). */
    private Exchange bulk(String callbackUrlHeader) {
        api.acceptBulkWithIdOfFirstSeq();
        int seq = contacts++;
        return template.send("direct:bulk", e -> {
            e.getMessage().setBody(List.of(WireMockApi.contact(seq)));
            e.getMessage().setHeader(DeepEnrichConstants.CALLBACK_URL, callbackUrlHeader);
        });
    }

    private String sentWebhookUrl() {
        return WireMockApi.json(api.bulkRequests().get(0)).path("webhook_url").asText();
    }

    private Object header(int index, String name) {
        return results().getReceivedExchanges().get(index).getMessage().getHeader(name);
    }

    @Test
    void withNoTokenConfiguredTheWebhookRequiresTheOneDerivedFromTheApiKey() throws Exception {
        assertEquals(DERIVED, CallbackToken.derive(WireMockApi.API_KEY));

        assertEquals(401, deliver("", finished("id-a")).statusCode());
        assertEquals(401, deliver("?token=wrong", finished("id-a")).statusCode());
        assertEquals(0, results().getReceivedCounter());
        assertEquals(200, deliver("?token=" + DERIVED, finished("id-a")).statusCode());
        assertEquals(1, results().getReceivedCounter());
    }

    @Test
    void theProducerAppendsTheTokenTheWebhookAccepts() throws Exception {
        assertFalse(bulk(null).isFailed());

        String webhookUrl = sentWebhookUrl();
        assertEquals("http://127.0.0.1:" + port + "/deepenrich/results?token=" + DERIVED, webhookUrl);
        HttpResponse<String> delivered = send(HttpRequest.newBuilder(URI.create(webhookUrl))
                .POST(HttpRequest.BodyPublishers.ofString(finished("id-0"))));
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertEquals(false, header(0, DeepEnrichConstants.FOREIGN), "its id was in the ledger");
    }

    @Test
    void aCallbackUrlHeaderOfAnotherOriginFailsTheExchangeAndNothingIsSent() {
        for (String evil : List.of("http://127.0.0.1:1/evil", "https://partner.example.com:8443/hook",
                "http://partner.example.com/hook", "file:///etc/passwd", "not a url")) {
            Exchange refused = bulk(evil);
            DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class,
                    refused.getException(), evil);
            assertTrue(e.getMessage().contains(DeepEnrichConstants.CALLBACK_URL), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        }
        assertEquals(0, api.bulkRequests().size());
    }

    @Test
    void aCallbackUrlHeaderOfATrustedOriginIsSentWithTheToken() {
        assertFalse(bulk(PARTNER + "/hooks/deepenrich").isFailed());
        assertFalse(bulk("HTTPS://Other.Example.com:8443/x?tenant=7").isFailed());
        assertFalse(bulk("http://127.0.0.1:" + port + "/elsewhere").isFailed());

        List<String> sent = api.bulkRequests().stream()
                .map(r -> WireMockApi.json(r).path("webhook_url").asText()).toList();
        assertEquals(List.of(PARTNER + "/hooks/deepenrich?token=" + DERIVED,
                "HTTPS://Other.Example.com:8443/x?tenant=7&token=" + DERIVED,
                "http://127.0.0.1:" + port + "/elsewhere?token=" + DERIVED), sent);
    }

    @Test
    void theTokenIsReadFromTheQueryParameterTokenAlone() throws Exception {
        String body = finished("id-q");
        assertEquals(401, send(request("", body).header("token", DERIVED)).statusCode(), "HTTP header");
        assertEquals(401, deliver("?TOKEN=" + DERIVED, body).statusCode(), "another spelling");
        assertEquals(401, send(request("?token=" + DERIVED, body).header("token", DERIVED)).statusCode(),
                "query parameter and HTTP header");
        assertEquals(401, deliver("?token=" + DERIVED + "&token=" + DERIVED, body).statusCode(), "twice");
        assertEquals(0, results().getReceivedCounter());
    }

    @Test
    void withCallbackAuthenticationOffNoTokenIsRequired() throws Exception {
        assertEquals(200, send(post("/deepenrich/open", finished("id-open"))).statusCode());
        assertEquals(1, results().getReceivedCounter());
    }

    @Test
    void aResultTheLedgerDoesNotHoldIsEmittedMarkedForeign() throws Exception {
        submitted("id-ours", Duration.ZERO);

        assertEquals(200, deliver("?token=" + DERIVED, finished("id-ours")).statusCode());
        assertEquals(200, deliver("?token=" + DERIVED, finished("id-stranger")).statusCode());

        assertEquals(false, header(0, DeepEnrichConstants.FOREIGN));
        assertEquals(true, header(1, DeepEnrichConstants.FOREIGN));
    }

    @Test
    void withForeignResultsDropAResultTheLedgerDoesNotHoldIsAcknowledgedAndNotEmitted() throws Exception {
        submitted("id-ours", Duration.ZERO);

        HttpResponse<String> dropped = send(post("/deepenrich/strict?token=" + DERIVED, finished("id-stranger")));
        assertEquals(200, dropped.statusCode(), "so that DeepEnrich stops delivering it");
        assertTrue(dropped.body().contains("dropped"), dropped.body());
        assertEquals(0, results().getReceivedCounter());

        assertEquals(200, send(post("/deepenrich/strict?token=" + DERIVED, finished("id-ours"))).statusCode());
        assertEquals(1, results().getReceivedCounter());
    }

    @Test
    void anUnknownStatusIsSaidPolledOnlyWhenSomethingPollsIt() throws Exception {
        submitted("id-ours", Duration.ZERO);

        HttpResponse<String> ours = deliver("?token=" + DERIVED, unknownStatus("id-ours"));
        HttpResponse<String> stranger = deliver("?token=" + DERIVED, unknownStatus("id-stranger"));

        assertEquals(202, ours.statusCode());
        assertTrue(ours.body().contains("the enrichment is polled"), ours.body());
        assertEquals(202, stranger.statusCode());
        assertFalse(stranger.body().contains("polled"), stranger.body());
        assertTrue(stranger.body().contains("getResult"), stranger.body());
        assertEquals(0, results().getReceivedCounter());
    }

    @Test
    void aStreamedBodyOverMaxBodySizeIsRefusedWith413() throws Exception {
        byte[] big = (finished("id-big") + " ".repeat(2 * MAX_BODY)).getBytes();
        HttpRequest chunked = request("?token=" + DERIVED, "")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        HttpResponse<String> refused = http.send(chunked, HttpResponse.BodyHandlers.ofString());

        assertFalse(chunked.headers().firstValue("Content-Length").isPresent());
        assertEquals(413, refused.statusCode());
        assertEquals(0, results().getReceivedCounter());
    }

    private static String unknownStatus(String id) {
        JsonNode result = WireMockApi.json(finished(id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) result).put("status", "ARCHIVED");
        return result.toString();
    }
}
