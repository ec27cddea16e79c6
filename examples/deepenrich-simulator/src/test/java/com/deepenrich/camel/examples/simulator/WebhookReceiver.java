package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A webhook endpoint on 127.0.0.1 answering the given statuses in turn, then 200; it records every body.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Deque<Integer> statuses;
    private final int lastStatus;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

    /** Answers {@code statuses} in turn, then {@code lastStatus} for ever. */
    WebhookReceiver(List<Integer> statuses, int lastStatus) {
        this.statuses = new ConcurrentLinkedDeque<>(statuses);
        this.lastStatus = lastStatus;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer next = this.statuses.poll();
            exchange.sendResponseHeaders(next == null ? lastStatus : next, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The first {@code count} bodies received, waiting for them up to the timeout. */
    List<String> awaitBodies(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> received = new ArrayList<>();
        while (received.size() < count) {
            String body = bodies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(body, () -> "only " + received.size() + " of " + count + " webhook calls received");
            received.add(body);
        }
        return received;
    }

    /** Bodies received beyond those already taken, waiting a little for late ones. */
    List<String> extraBodies(Duration wait) throws InterruptedException {
        List<String> extra = new ArrayList<>();
        String body = bodies.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        while (body != null) {
            extra.add(body);
            body = bodies.poll();
        }
        return extra;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
