package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;

import com.deepenrich.camel.DeepEnrichComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** What a benchmark against the simulator's rate limit sets up: the component at the limit and a webhook server. */
final class SimulatorHarness {

    private SimulatorHarness() {
    }

    /** A Vert.x server on a free port of 127.0.0.1 for {@code webhook:deepenrich:results}: add it to the context. */
    static VertxPlatformHttpServer webhookServer() {
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(0);
        return new VertxPlatformHttpServer(http);
    }

    /**
     * The component for the simulator at {@code baseUrl}: the benchmarks' key, {@code perMinute} requests a minute
     * counted over the simulator's {@code window}, a 429 retried after at most one window.
     */
    static DeepEnrichComponent atTheLimit(String baseUrl, int perMinute, Duration window) {
        DeepEnrichComponent deepenrich = new DeepEnrichComponent();
        deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
        deepenrich.getConfiguration().setBaseUrl(baseUrl);
        deepenrich.getConfiguration().setRequestsPerMinute(perMinute);
        deepenrich.getConfiguration().setRateLimitWindow(window.toMillis());
        deepenrich.getConfiguration().setMaxRetryDelay(window.toMillis());
        return deepenrich;
    }
}
