package com.deepenrich.camel.examples.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /_sim/stats: the counts while the simulator runs, with no key, not counted among the API's requests. */
class StatsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theCountsAreReadWhileItRunsWithoutAKey() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .requestsPerMinute(0).build())) {
            new SimulatorClient(simulator).submit(Fixtures.people("stats", 3));

            JsonNode stats = stats(simulator);
            JsonNode again = stats(simulator);

            assertEquals(1, stats.get("submissions").asLong());
            assertEquals(3, stats.get("contactsSubmitted").asLong());
            assertEquals(1, stats.get("requests").get("POST /contact/enrich/bulk").asLong(), stats.toString());
            assertEquals(1, again.get("totalRequests").asLong(), "reading the counts is not counted: " + again);
            assertEquals(simulator.stats().asMap().keySet(), keys(again));
        }
    }

    @Test
    void anotherPathOrMethodIsNotFound() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().build())) {
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.statsUrl()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> below = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.statsUrl() + "/x"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(404, post.statusCode());
            assertEquals(404, below.statusCode());
        }
    }

    private static JsonNode stats(DeepEnrichSimulator simulator) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.statsUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        return SimulatorClient.JSON.readTree(response.body());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
