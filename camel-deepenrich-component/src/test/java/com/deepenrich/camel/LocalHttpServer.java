package com.deepenrich.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** The platform-http (Vert.x) server that webhook tests receive DeepEnrich's POSTs on: 127.0.0.1 only. */
final class LocalHttpServer {

    private LocalHttpServer() {
    }

    /** Adds to {@code context} a server on 127.0.0.1:{@code port}; it starts and stops with the context. */
    static void addTo(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
    }
}
