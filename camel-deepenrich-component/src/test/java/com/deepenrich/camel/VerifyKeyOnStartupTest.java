package com.deepenrich.camel;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verifyKeyOnStartup: a refused key stops the start, an API that cannot answer is warned about, the default asks nothing. */
class VerifyKeyOnStartupTest {

    private static final String VERIFY_PATH = "/api/v1/account/keys/verify";

    private final WireMockApi api = new WireMockApi();
    private final CamelContext camel = new DefaultCamelContext();

    VerifyKeyOnStartupTest() {
        camel.addComponent("deepenrich", api.component());
    }

    @AfterEach
    void stop() {
        camel.stop();
        api.close();
    }

    private void route(String options) throws Exception {
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:in").to("deepenrich:bulk" + options);
            }
        });
    }

    @Test
    void aRefusedKeyStopsTheStartNamingTheOptionToSet() throws Exception {
        api.server.stubFor(get(urlEqualTo(VERIFY_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error.api.key\", \"message\": \"Unknown api key\"}")));
        route("?verifyKeyOnStartup=true");

        Exception failed = assertThrows(Exception.class, camel::start);

        DeepEnrichAuthenticationException refused =
                ObjectHelper.getException(DeepEnrichAuthenticationException.class, failed);
        assertNotNull(refused, "the cause of the failed start: " + failed);
        assertEquals("error.api.key", refused.getCode());
        assertTrue(refused.getMessage().contains("Unknown api key; the key was checked at the start of "
                                                 + "deepenrich://bulk?verifyKeyOnStartup=true (verifyKeyOnStartup): "
                                                 + "set camel.component.deepenrich.api-key, or the endpoint's apiKey"),
                refused.getMessage());
        api.server.verify(1, getRequestedFor(urlEqualTo(VERIFY_PATH)));
    }

    @Test
    void anApiThatDoesNotAnswerIsWarnedAboutAndTheStartGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        route("?verifyKeyOnStartup=true&baseUrl=http://127.0.0.1:" + closedPort + "/api/v1");

        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            camel.start();
            warnings = log.lines("WARN com.deepenrich.camel.ApiKeyCheck");
        }

        assertTrue(camel.isStarted());
        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("could not verify the API key at start (verifyKeyOnStartup): DeepEnrich "
                                            + "no answer from 127.0.0.1:" + closedPort + ": could not connect")
                   && warnings.get(0).contains("was tried once")
                   && warnings.get(0).endsWith("starting anyway, requests are retried as usual"),
                warnings.get(0));
    }

    @Test
    void anAcceptedKeyIsLoggedWithItsWorkspace() throws Exception {
        api.server.stubFor(get(urlEqualTo(VERIFY_PATH)).willReturn(okJson("{\"workspace_id\": \"ws-1\"}")));
        route("?verifyKeyOnStartup=true");

        List<String> lines;
        try (LogCapture log = new LogCapture()) {
            camel.start();
            lines = log.lines("INFO com.deepenrich.camel.ApiKeyCheck");
        }

        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("the API key was verified at " + api.baseUrl() + " (workspace ws-1)"),
                lines.get(0));
    }

    @Test
    void withoutTheOptionNothingIsAskedAtStart() throws Exception {
        route("");

        camel.start();

        api.server.verify(0, getRequestedFor(urlEqualTo(VERIFY_PATH)));
    }
}
