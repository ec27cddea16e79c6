package com.deepenrich.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.deepenrich.camel.callback.CallbackToken;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the kill tests of a node in a child JVM share: the API it talks to, its work dir, the port of its webhook, and
 * webhook deliveries to it as DeepEnrich sends them.
 */
abstract class KillTestSupport {

    final WireMockApi api = new WireMockApi();
    final HttpClient http = HttpClient.newHttpClient();
    final int port = AvailablePortFinder.getNextAvailable();

    @TempDir
    Path work;

    @AfterEach
    void stopApi() {
        api.close();
    }

    /** A webhook delivery of {@code body} to the node, with the callback token derived from the test API key. */
    HttpRequest delivery(String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deepenrich/results?token="
                                                 + CallbackToken.derive(WireMockApi.API_KEY)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpResponse<String> deliver(String body) throws Exception {
        return http.send(delivery(body), HttpResponse.BodyHandlers.ofString());
    }

    static void assertAnswer(int status, String message, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(message), answer.body());
    }
}
