package com.deepenrich.camel;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The component's readiness check reports the API reachable and the key valid (GET /account/keys/verify). */
class DeepEnrichHealthCheckTest extends ProducerTestSupport {

    private static final String VERIFY_PATH = "/api/v1/account/keys/verify";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("deepenrich:bulk");
                from("direct:credits").to("deepenrich:getCredits");
            }
        };
    }

    /** The readiness results of the deepenrich checks, as a Kubernetes probe would get them. */
    private List<HealthCheck.Result> deepEnrichReadiness() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("deepenrich")).toList();
    }

    @Test
    void upWhenTheApiAcceptsTheKey() {
        api.server.stubFor(get(urlEqualTo(VERIFY_PATH)).willReturn(okJson("{\"workspace_id\": \"ws-42\"}")));

        List<HealthCheck.Result> results = deepEnrichReadiness();

        assertEquals(1, results.size(), "one check for the account, whatever the number of endpoints");
        assertEquals(HealthCheck.State.UP, results.get(0).getState());
        assertEquals("ws-42", results.get(0).getDetails().get("workspaceId"));
    }

    @Test
    void downWhenTheApiRefusesTheKey() {
        String unknownKey = "{\"code\": \"error.api.key\", \"message\": \"Unknown api key\"}";
        api.server.stubFor(get(urlEqualTo(VERIFY_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(unknownKey)));

        List<HealthCheck.Result> results = deepEnrichReadiness();

        assertEquals(1, results.size());
        assertEquals(HealthCheck.State.DOWN, results.get(0).getState());
        assertEquals("error.api.key", results.get(0).getDetails().get("code"));
        assertEquals(DeepEnrichAuthenticationException.class, results.get(0).getError().orElseThrow().getClass());
    }
}
