package com.deepenrich.camel.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs offline (the simulator on 127.0.0.1, a random server port): contacts posted to
 * /contacts come back enriched by webhook, with the component configured from application.properties only, and its
 * readiness check is in /actuator/health.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(OfflineSimulator.PROFILE)
@Timeout(60)
class EnrichmentApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DeepEnrichSimulator simulator;

    @Autowired
    CamelContext camel;

    @Test
    void theComponentIsConfiguredFromApplicationProperties() {
        var cfg = camel.getComponent("deepenrich", DeepEnrichComponent.class).getConfiguration();
        assertEquals(simulator.baseUrl(), cfg.getBaseUrl());
        assertEquals(15_000, cfg.getRequestTimeout(), "request-timeout = 15s");
        assertEquals(300_000, cfg.getPollFallbackAfter(), "poll-fallback-after = PT5M");
        assertEquals(500, cfg.getRetryDelay(), "retry-delay = 500 (ms)");
        assertEquals("contact.emails,contact.phones", cfg.getEnrichFields());
    }

    @Test
    void contactsPostedComeBackEnrichedByWebhook() throws Exception {
        List<Map<String, String>> contacts = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            contacts.add(Map.of("first_name", "First" + i, "last_name", "Last" + i, "domain", "company" + i + ".com",
                    "lead_id", "L-" + i));
        }
        HttpResponse<String> receipt = HTTP.send(HttpRequest.newBuilder(url("/contacts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(contacts))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, receipt.statusCode(), receipt.body());
        assertEquals(30, JSON.readTree(receipt.body()).path("submitted").asInt(), receipt.body());

        List<JsonNode> enriched = awaitEnriched(30);
        assertEquals(30, enriched.stream().map(c -> c.path("custom").path("lead_id").asText()).distinct().count());
        assertTrue(enriched.stream().anyMatch(c -> !c.path("contact").path("most_probable_email").asText().isEmpty()),
                "some emails were found");
        // counted as the simulator sends, before the application stores the contacts (its 2xx may still be on the way)
        assertTrue(simulator.stats().webhookAttempts() >= 1, "the results came by webhook");
        assertEquals(0, simulator.stats().requests("GET /contact/enrich/bulk/{id}"), "nothing was polled");
    }

    @Test
    void theActuatorShowsTheComponentsReadinessCheck() throws Exception {
        // the check registers when the first deepenrich endpoint starts (the routes' own, at startup)
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode camelHealth = JSON.readTree(health.body()).path("components").path("camelHealth").path("details");
        String check = camelHealth.propertyStream().map(Map.Entry::getKey)
                .filter(id -> id.startsWith("deepenrich-") && !id.endsWith(".data")).findFirst()
                .orElseThrow(() -> new AssertionError("no deepenrich check in " + health.body()));
        assertEquals("UP", camelHealth.path(check).asText(), health.body());
        assertEquals(simulator.baseUrl(), camelHealth.path(check + ".data").path("baseUrl").asText(), health.body());
        assertEquals(200, health.statusCode(), health.body());

        HttpResponse<String> readiness = HTTP.send(HttpRequest.newBuilder(url("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, readiness.statusCode(), readiness.body());
        assertEquals("UP", JSON.readTree(readiness.body()).path("components").path("camelReadinessState")
                .path("status").asText(), "the probe follows Camel's readiness checks: " + readiness.body());
    }

    private List<JsonNode> awaitEnriched(int count) throws Exception {
        for (int i = 0; i < 300; i++) {
            String lines = HTTP.send(HttpRequest.newBuilder(url("/contacts/enriched")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<JsonNode> enriched = lines.lines().map(EnrichmentApplicationTest::parse).toList();
            if (enriched.size() >= count) {
                return enriched;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " enriched contacts in 30 s");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
