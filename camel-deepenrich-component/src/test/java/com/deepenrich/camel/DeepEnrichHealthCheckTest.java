package com.deepenrich.camel;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component's readiness check reports the API reachable and the key valid (GET /account/keys/verify). It lives
 * in Camel's producers health-check repository, so Camel's switches govern it: here producer checks are on, as
 * {@code camel.health.producersEnabled=true} makes them.
 */
class DeepEnrichHealthCheckTest extends ProducerTestSupport {

    private static final String VERIFY_PATH = "/api/v1/account/keys/verify";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        producerChecks(context).setEnabled(true);
        return context;
    }

    private static HealthCheckRepository producerChecks(CamelContext context) {
        return HealthCheckHelper.getHealthCheckRepository(context, "producers");
    }

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
    void itsIdNamesTheApiHostNeverTheKey() {
        api.server.stubFor(get(urlEqualTo(VERIFY_PATH)).willReturn(okJson("{\"workspace_id\": \"ws-42\"}")));

        assertEquals("deepenrich-127.0.0.1", deepEnrichReadiness().get(0).getCheck().getId());
    }

    @Test
    void camelsProducerSwitchRemovesIt() {
        producerChecks(context).setEnabled(false);

        assertTrue(deepEnrichReadiness().isEmpty());
    }

    @Test
    void theComponentsProducerSwitchDisablesIt() throws Exception {
        context.stop();
        DeepEnrichComponent component = api.component();
        component.setHealthCheckProducerEnabled(false);
        CamelContext other = new DefaultCamelContext();
        other.addComponent("deepenrich", component);
        producerChecks(other).setEnabled(true);
        other.addRoutes(createRouteBuilder());
        other.start();
        try {
            HealthCheck.Result result = HealthCheckHelper.invokeReadiness(other).stream()
                    .filter(r -> r.getCheck().getId().startsWith("deepenrich")).findFirst().orElseThrow();
            assertEquals(HealthCheck.State.UNKNOWN, result.getState(), "registered, but disabled");
            assertTrue(api.requests(getRequestedFor(urlEqualTo(VERIFY_PATH))).isEmpty(), "the API is not called");
        } finally {
            other.stop();
        }
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
