package com.deepenrich.camel.examples.benchmarks.reliability;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.examples.benchmarks.BenchmarkMain;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A Camel application under test: the {@code deepenrich} component pointed at an API on 127.0.0.1 (no client-side
 * rate limit), and platform-http on a free port of 127.0.0.1 for webhooks. Routes are added once it runs, so they
 * may use its port.
 */
final class TestApp implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final VertxPlatformHttpServer server;
    private final DeepEnrichComponent deepenrich = new DeepEnrichComponent();
    private ProducerTemplate template;

    TestApp(String baseUrl) {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        server = new VertxPlatformHttpServer(http);
        deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
        deepenrich.getConfiguration().setBaseUrl(baseUrl);
        deepenrich.getConfiguration().setRequestsPerMinute(0);
    }

    /** The component's shared configuration, to change before {@link #start()}. */
    DeepEnrichConfiguration configuration() {
        return deepenrich.getConfiguration();
    }

    TestApp start() throws Exception {
        context.addService(server);
        context.addComponent("deepenrich", deepenrich);
        context.start();
        template = context.createProducerTemplate();
        return this;
    }

    void add(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
    }

    /** {@code http://127.0.0.1:<port><path>} of platform-http. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    ProducerTemplate template() {
        return template;
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
