package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /_sim/stats}: the simulator's counts while it runs, as JSON. Outside the API's base path, so it needs no
 * key, takes no turn of the rate limit, and is not counted among the requests it reports.
 */
final class StatsHandler implements HttpHandler {

    static final String PATH = "/_sim/stats";

    private final SimulatorStats stats;

    StatsHandler(SimulatorStats stats) {
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Json.MAPPER.writeValueAsBytes(stats.asMap());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }
}
