package com.deepenrich.camel.examples.yaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets as shipped, against the simulator on 127.0.0.1 with an API key and a callback token holding
 * {@code + & % #}: a message cannot redirect the results nor change the operation, and secrets reach the API and the
 * webhook intact (a mangled key is refused by the API, a mangled token by the webhook: nothing would arrive).
 */
@Timeout(60)
class KameletSecurityTest {

    private static final String API_KEY = "key+with&odd%chars#1";
    private static final String TOKEN = "t+k&%#";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger evilRequests = new AtomicInteger();
    private HttpServer evil;

    @AfterEach
    void stopEvil() {
        if (evil != null) {
            evil.stop(0);
        }
    }

    @Test
    void aMessageCannotRedirectTheResultsNorChangeTheOperationAndOddSecretsWork() throws Exception {
        evil = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        evil.createContext("/", exchange -> {
            evilRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        evil.start();
        int port = freePort();
        try (DeepEnrichSimulator simulator = simulator();
                CamelContext context = context(port)) {
            Properties kamelets = new Properties();
            for (String kamelet : List.of("deepenrich-sink", "deepenrich-source")) {
                kamelets.put("camel.kamelet." + kamelet + ".apiKey", API_KEY);
                kamelets.put("camel.kamelet." + kamelet + ".baseUrl", simulator.baseUrl());
                kamelets.put("camel.kamelet." + kamelet + ".callbackToken", TOKEN);
            }
            kamelets.put("camel.kamelet.deepenrich-sink.callbackUrl",
                    "http://127.0.0.1:" + port + "/deepenrich/results");
            kamelets.put("camel.kamelet.deepenrich-sink.batchTimeout", "100");
            kamelets.put("camel.kamelet.deepenrich-source.pollFallbackAfter", "60000");
            context.getPropertiesComponent().setInitialProperties(kamelets);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:leads").to("kamelet:deepenrich-sink");
                    from("kamelet:deepenrich-source").process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            context.start();

            context.createProducerTemplate().sendBodyAndHeaders("direct:leads",
                    Map.of("first_name", "Ada", "last_name", "Lovelace", "domain", "analytical.engines"),
                    Map.of(DeepEnrichConstants.CALLBACK_URL,
                            "http://127.0.0.1:" + evil.getAddress().getPort() + "/evil",
                            DeepEnrichConstants.OPERATION, "getCredits"));

            awaitReceived(1);
            assertEquals(1, simulator.stats().submissions(), "the operation stayed bulk");
            // the simulator counts a delivery once its answer is back, just after the route received the result
            for (int i = 0; i < 250 && simulator.stats().webhookDeliveries() < 1; i++) {
                Thread.sleep(20);
            }
            assertTrue(simulator.stats().webhookDeliveries() >= 1, "delivered by webhook, the token intact");
            assertEquals(0, evilRequests.get(), "nothing reached the URL the message named");
        }
    }

    @Test
    void thePollSourceReadsTheResultsWithoutAPublicUrlWithTheComponentsApiKey() throws Exception {
        try (DeepEnrichSimulator simulator = simulator();
                CamelContext context = new DefaultCamelContext()) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(API_KEY);
            deepenrich.getConfiguration().setBaseUrl(simulator.baseUrl());
            deepenrich.getConfiguration().setRequestsPerMinute(0);
            context.addComponent("deepenrich", deepenrich);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:leads").to("kamelet:deepenrich-sink?batchTimeout=100&baseUrl=" + simulator.baseUrl());
                    from("kamelet:deepenrich-poll-source?pollInterval=200&firstReadAfter=0&baseUrl="
                         + simulator.baseUrl())
                            .process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            context.start();

            sendLeadAndAwaitItsResult(context, "L-1");
            assertEquals(0, simulator.stats().webhookAttempts(), "no callback URL, no webhook");
        }
    }

    @Test
    void theWebhookSourceAndTheSinkTakeTheComponentsKeyWhenGivenNoSecrets() throws Exception {
        int port = freePort();
        try (DeepEnrichSimulator simulator = simulator();
                CamelContext context = context(port)) {
            DeepEnrichComponent deepenrich = new DeepEnrichComponent();
            deepenrich.getConfiguration().setApiKey(API_KEY);
            deepenrich.getConfiguration().setRequestsPerMinute(0);
            context.addComponent("deepenrich", deepenrich);
            String callbackUrl = "http://127.0.0.1:" + port + "/deepenrich/results";
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:leads").to("kamelet:deepenrich-sink?batchTimeout=100&baseUrl=" + simulator.baseUrl()
                                            + "&callbackUrl=" + callbackUrl);
                    from("kamelet:deepenrich-source?pollFallbackAfter=60000&baseUrl=" + simulator.baseUrl())
                            .process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            context.start();

            sendLeadAndAwaitItsResult(context, "L-2");
            assertEquals(0, simulator.stats().webhookFailures(),
                    "delivered by webhook, with the token derived from the key");
        }
    }

    private static DeepEnrichSimulator simulator() {
        return DeepEnrichSimulator.start(SimulatorConfig.builder().apiKeys(Set.of(API_KEY))
                .processingLatency(Duration.ofMillis(100)).requestsPerMinute(0).build());
    }

    private void sendLeadAndAwaitItsResult(CamelContext context, String leadId) throws InterruptedException {
        context.createProducerTemplate().sendBody("direct:leads", Map.of("first_name", "Ada", "last_name", "Lovelace",
                "domain", "analytical.engines", "lead_id", leadId));
        awaitReceived(1);
        assertTrue(received.get(0).contains(leadId), received.get(0));
    }

    private static CamelContext context(int port) throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    private void awaitReceived(int count) throws InterruptedException {
        for (int i = 0; i < 400 && received.size() < count; i++) {
            Thread.sleep(100);
        }
        assertTrue(received.size() >= count, "received " + received.size() + " of " + count + " in 40 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
