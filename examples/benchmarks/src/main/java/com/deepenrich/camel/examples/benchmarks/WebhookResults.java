package com.deepenrich.camel.examples.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * A results route by webhook, {@code webhook:deepenrich:results} on a Vert.x server of its own on a free port of
 * 127.0.0.1, of the context's {@code deepenrich} component (so of its ledger): the route that lets the person guard
 * hold people across exchanges, and that results reach.
 */
final class WebhookResults {

    static final String PATH = "/deepenrich/results";
    static final String ROUTE_ID = "deepenrich-results";

    private WebhookResults() {
    }

    /**
     * Adds the server and the route (the endpoint with {@code options}, such as {@code pollFallbackAfter=...}, or
     * "" for its defaults) to {@code context}, starts the context, and returns the {@code callbackUrl} the route
     * receives on.
     */
    static String start(CamelContext context, String options, Processor eachResult) throws Exception {
        VertxPlatformHttpServer server = SimulatorHarness.webhookServer();
        context.addService(server);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=" + PATH + (options.isEmpty() ? "" : "&" + options))
                        .routeId(ROUTE_ID)
                        .process(eachResult);
            }
        });
        context.start();
        return "http://127.0.0.1:" + server.getPort() + PATH;
    }
}
