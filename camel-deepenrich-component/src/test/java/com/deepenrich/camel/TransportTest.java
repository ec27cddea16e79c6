package com.deepenrich.camel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the component reaches the API: TLS settings, a proxy (with credentials), the user's HttpClient, concurrency. */
class TransportTest {

    private static final String CREDITS = "{\"balance\": 42}";
    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void tlsWithOwnTrustStore() throws Exception {
        Path keystore = selfSignedKeystore();
        WireMockServer api = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(keystore.toString()).keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD).keystoreType("PKCS12"));
        api.start();
        open.add(api::stop);
        api.stubFor(get(urlEqualTo("/api/v1/account/credits")).willReturn(okJson(CREDITS)));
        String base = "https://127.0.0.1:" + api.httpsPort() + "/api/v1";

        CamelContext camel = camel(new DeepEnrichComponent());
        camel.getRegistry().bind("tls", trusting(keystore));

        assertEquals(42L, credits(camel, base, "&sslContextParameters=#tls"));
        CamelExecutionException untrusted = assertThrows(CamelExecutionException.class,
                () -> credits(camel, base, ""));
        assertInstanceOf(DeepEnrichConnectionException.class, untrusted.getCause(), "the JVM does not trust it");
    }

    @Test
    void proxyWithCredentials() throws Exception {
        String api = fakeApi(null);
        Proxy proxy = new Proxy("user", "pass");

        CamelContext camel = camel(new DeepEnrichComponent());

        assertEquals(42L, credits(camel, api, "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                                              + "&proxyUsername=user&proxyPassword=pass"));
        assertEquals(1, proxy.forwarded.get());
        assertEquals(1, proxy.refused.get(), "the first try without credentials, then with them");
    }

    @Test
    void ownHttpClient() throws Exception {
        String api = fakeApi(null);
        Proxy proxy = new Proxy(null, null);
        HttpClient own = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build();

        CamelContext camel = camel(new DeepEnrichComponent());
        camel.getRegistry().bind("ownClient", own);

        assertEquals(42L, credits(camel, api, "&httpClient=#ownClient"));
        assertEquals(1, proxy.forwarded.get(), "the request went through the user's client and its proxy");
    }

    @Test
    void maxConcurrentRequestsBoundsTheRequestsInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger arrived = new AtomicInteger();
        String api = fakeApi(exchange -> {
            arrived.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        DeepEnrichComponent component = new DeepEnrichComponent();
        component.setMaxConcurrentRequests(2);
        CamelContext camel = camel(component);

        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(camel.createProducerTemplate().asyncRequestBody(endpoint(api, ""), null));
        }
        ThreadPoolExecutor senders = (ThreadPoolExecutor) component.senders();
        await("2 requests at the API and 3 waiting for a sender")
                .until(() -> arrived.get() == 2 && senders.getQueue().size() == 3);
        release.countDown();

        for (CompletableFuture<Object> call : calls) {
            assertEquals(42L, call.get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, maxInFlight.get());
        assertEquals(5, arrived.get());
    }

    private CamelContext camel(DeepEnrichComponent component) throws Exception {
        component.getConfiguration().setApiKey(WireMockApi.API_KEY);
        component.getConfiguration().setRequestsPerMinute(0);
        component.getConfiguration().setMaxRetries(0);
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("deepenrich", component);
        camel.start();
        open.add(camel::stop);
        return camel;
    }

    private static String endpoint(String baseUrl, String options) {
        return "deepenrich:getCredits?baseUrl=" + baseUrl + options;
    }

    private static long credits(CamelContext camel, String baseUrl, String options) {
        return camel.createProducerTemplate().requestBody(endpoint(baseUrl, options), null, Long.class);
    }

    /** A plain-HTTP API on 127.0.0.1 answering the credits; {@code onRequest} runs first on the server's thread. */
    private String fakeApi(java.util.function.Consumer<HttpExchange> onRequest) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            if (onRequest != null) {
                onRequest.accept(exchange);
            }
            respond(exchange, 200, CREDITS.getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        open.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A forward HTTP proxy on 127.0.0.1, asking for Basic credentials when it has some. */
    private final class Proxy {

        final AtomicInteger forwarded = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final HttpServer server;
        private final HttpClient upstream = HttpClient.newHttpClient();

        Proxy(String user, String password) throws IOException {
            String expected = user == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (expected != null
                    && !expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    refused.incrementAndGet();
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test\"");
                    respond(exchange, 407, new byte[0]);
                    return;
                }
                forward(exchange);
            });
            server.start();
            open.add(() -> server.stop(0));
        }

        int port() {
            return server.getAddress().getPort();
        }

        private void forward(HttpExchange exchange) throws IOException {
            URI target = exchange.getRequestURI();
            try {
                HttpResponse<byte[]> answer = upstream.send(HttpRequest.newBuilder(target)
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                forwarded.incrementAndGet();
                respond(exchange, answer.statusCode(), answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 502, new byte[0]);
            }
        }
    }

    private Path selfSignedKeystore() throws Exception {
        Path keystore = dir.resolve("api.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } finally {
            keytool.destroyForcibly(); // ended already, unless the wait failed
        }
    }

    private static SSLContextParameters trusting(Path keystore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keystore);
        store.setPassword(PASSWORD);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }
}
