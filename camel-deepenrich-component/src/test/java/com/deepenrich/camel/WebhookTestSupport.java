package com.deepenrich.camel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;

/** A webhook test: platform-http (Vert.x) on 127.0.0.1, and POSTs to {@code /deepenrich/results} as DeepEnrich sends. */
abstract class WebhookTestSupport extends ResultsTestSupport {

    static final String WEBHOOK = "webhook:deepenrich:results?webhookComponentName=platform-http"
                                  + "&webhookAutoRegister=false&webhookPath=/deepenrich/results";

    final int port = AvailablePortFinder.getNextAvailable();
    final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        LocalHttpServer.addTo(context, port);
        return context;
    }

    HttpRequest.Builder request(String query, String body) {
        return post("/deepenrich/results" + query, body);
    }

    HttpRequest.Builder post(String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> deliver(String query, String body) throws Exception {
        return send(request(query, body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
