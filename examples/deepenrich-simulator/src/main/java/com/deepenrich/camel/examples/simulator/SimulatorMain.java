package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator until the process is killed:
 * {@code SimulatorMain [--port 8089] [--latency-ms 500] [--rpm 60] [--credits N] [--api-key k]...}.
 */
public final class SimulatorMain {

    private static final String USAGE =
            "Usage: SimulatorMain [--port 8089] [--latency-ms 500] [--rpm 60] [--credits N] [--api-key k]...";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "deepenrich-sim-shutdown"));
        System.out.println("DeepEnrich simulator: " + simulator.baseUrl()
                           + " (api keys " + config.apiKeys() + ", Ctrl+C to stop); its counts: GET "
                           + simulator.statsUrl());
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder builder = SimulatorConfig.builder().port(8089);
        Set<String> apiKeys = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[i + 1];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--latency-ms" -> builder.processingLatency(Duration.ofMillis(Long.parseLong(value)));
                case "--rpm" -> builder.requestsPerMinute(Integer.parseInt(value));
                case "--credits" -> builder.credits(Long.parseLong(value));
                case "--api-key" -> apiKeys.add(value);
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (!apiKeys.isEmpty()) {
            builder.apiKeys(apiKeys);
        }
        return builder.build();
    }
}
