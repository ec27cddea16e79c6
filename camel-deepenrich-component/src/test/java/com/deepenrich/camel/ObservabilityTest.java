package com.deepenrich.camel;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.deepenrich.camel.model.Contact;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bulk of three valid contacts and one invalid one, answered 429 then accepted: JMX, the {@code deepenrich} dev
 * console and Micrometer all show 2 requests, one 429, one retry, 3 contacts submitted, 1 rejected, 1 pending.
 */
class ObservabilityTest extends ProducerTestSupport {

    private static final String URI = "deepenrich:bulk?invalidContacts=skip";
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:submit").to(URI);
            }
        };
    }

    @BeforeEach
    void submitOnceRateLimited() {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("open"));
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).inScenario("429").whenScenarioStateIs("open")
                .willReturn(okJson("{\"enrichment_id\": \"e-1\"}")));
        List<Contact> contacts = new ArrayList<>(WireMockApi.contacts(0, 3));
        contacts.add(Contact.builder().firstname("No").lastname("Company").build());
        template.sendBody("direct:submit", contacts);
    }

    @Test
    void jmxAttributesOfTheEndpoint() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names =
                server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                 + ",type=endpoints,*"),
                        null);
        ObjectName endpoint = names.stream().filter(n -> n.getKeyProperty("name").contains("deepenrich")).findFirst()
                .orElseThrow(() -> new AssertionError("no deepenrich endpoint MBean in " + names));

        assertEquals(2L, server.getAttribute(endpoint, "RequestsSent"));
        assertEquals(1L, server.getAttribute(endpoint, "RateLimitedResponses"));
        assertEquals(1L, server.getAttribute(endpoint, "Retries"));
        assertEquals(3L, server.getAttribute(endpoint, "ContactsSubmitted"));
        assertEquals(1L, server.getAttribute(endpoint, "ContactsRejected"));
        assertEquals(1, server.getAttribute(endpoint, "PendingEnrichments"));
        assertEquals(0, server.getAttribute(endpoint, "PendingBatches"));
        assertEquals(0L, server.getAttribute(endpoint, "CreditsSpent"));
    }

    @Test
    void devConsoleShowsTheCountersAndTheRateLimiter() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("deepenrich");

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        JsonObject endpoint = (JsonObject) json.getCollection("endpoints").iterator().next();
        assertEquals("deepenrich://bulk?invalidContacts=skip", endpoint.getString("uri"));
        assertEquals(2L, endpoint.getLong("requestsSent"));
        assertEquals(1L, endpoint.getLong("rateLimitedResponses"));
        assertEquals(3L, endpoint.getLong("contactsSubmitted"));
        assertEquals(1, endpoint.getInteger("pendingEnrichments"));
        JsonObject limiter = (JsonObject) json.getCollection("rateLimiters").iterator().next();
        assertEquals(api.baseUrl() + " at 0/min", limiter.getString("account"));
        assertEquals(0, limiter.getInteger("waiting"));

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("requestsSent: 2"), text);
        assertTrue(text.contains("Rate limiter " + api.baseUrl()), text);
    }

    @Test
    void micrometerMetersTaggedWithTheEndpoint() {
        Map<String, Double> expected = Map.of("deepenrich.requests.sent", 2.0, "deepenrich.requests.rate.limited", 1.0,
                "deepenrich.requests.retries", 1.0, "deepenrich.contacts.submitted", 3.0,
                "deepenrich.contacts.rejected", 1.0, "deepenrich.credits.spent", 0.0);
        expected.forEach((name, value) -> assertEquals(value, meters.get(name)
                .tag("endpoint", "deepenrich://bulk?invalidContacts=skip").functionCounter().count(), name));
        assertEquals(1.0, meters.get("deepenrich.enrichments.pending").gauge().value());
        assertEquals(0.0, meters.get("deepenrich.batches.pending").gauge().value());
    }
}
