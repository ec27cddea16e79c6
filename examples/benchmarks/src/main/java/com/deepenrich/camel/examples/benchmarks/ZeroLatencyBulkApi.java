package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The cheapest possible stand-in for POST /contact/enrich/bulk on 127.0.0.1: reads the body, answers
 * {@code {"enrichment_id": "<uuid>"}} at once. It counts requests, bytes and contacts (occurrences of the
 * {@code "firstname"} key, one per contact, found by a byte scan rather than by parsing, to stay cheap), the
 * largest number of requests it had in hand at the same time and the connections they came on. A
 * {@link Listener} may be told of each request it accepts, after its answer was written.
 */
public final class ZeroLatencyBulkApi implements AutoCloseable {

    public static final String PATH = "/api/v1/contact/enrich/bulk";
    private static final byte[] CONTACT_KEY = "\"firstname\"".getBytes(StandardCharsets.UTF_8);

    static {
        // the JDK server writes headers and body separately: without TCP_NODELAY each answer waits ~40 ms
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final LongAdder requests = new LongAdder();
    private final LongAdder contacts = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Listener listener;

    /** Told of each accepted request, on the server's thread, once the answer was written. */
    @FunctionalInterface
    public interface Listener {

        void accepted(String enrichmentId, byte[] body);
    }

    private ZeroLatencyBulkApi(int threadCount, Listener listener) throws IOException {
        this.listener = listener;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        threads = Executors.newFixedThreadPool(threadCount, Threads.daemon("zero-latency-api"));
        server.setExecutor(threads);
        server.createContext(PATH, this::handle);
        server.start();
    }

    public static ZeroLatencyBulkApi start() {
        return start((id, body) -> {});
    }

    /** An API that tells {@code listener} of each request it accepted. */
    public static ZeroLatencyBulkApi start(Listener listener) {
        try {
            return new ZeroLatencyBulkApi(SubmitThroughputBenchmark.CONCURRENCY, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the zero-latency API on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/api/v1}, what {@code baseUrl} takes. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public String bulkUrl() {
        return baseUrl() + "/contact/enrich/bulk";
    }

    private void handle(HttpExchange exchange) throws IOException {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.increment();
            clientPorts.add(exchange.getRemoteAddress().getPort());
            bytes.add(body.length);
            contacts.add(occurrences(body, CONTACT_KEY));
            String id = UUID.randomUUID().toString();
            byte[] answer = ("{\"enrichment_id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            listener.accepted(id, body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            count++;
            i += needle.length - 1;
        }
        return count;
    }

    /** Counters since start or the last {@link #reset()}. */
    public Counts counts() {
        return new Counts(requests.sum(), contacts.sum(), bytes.sum(), peakInFlight.get(), clientPorts.size());
    }

    public void reset() {
        requests.reset();
        contacts.reset();
        bytes.reset();
        peakInFlight.set(0);
        clientPorts.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * What the endpoint received; {@code peakInFlight} counts requests being handled at once (at most the server's
     * threads), {@code connections} the distinct client connections (ports) requests came on.
     */
    public record Counts(long requests, long contacts, long bytes, int peakInFlight, int connections) {
    }
}
