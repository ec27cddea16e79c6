package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.NodeProcess;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** What the job tests share: a fast simulator on 127.0.0.1, the bundled sample, and reading a CSV back. */
final class JobFixtures {

    static final String API_KEY = "test-key";
    /** The sample the README's command enriches, from the module's directory (where the tests run). */
    static final String SAMPLE = "src/main/resources/sample-contacts.csv";

    private JobFixtures() {
    }

    /** A simulator that finishes jobs in 200 ms, has no rate limit and retries webhooks every 300 ms. */
    static DeepEnrichSimulator startSimulator() {
        return DeepEnrichSimulator.start(simulatorConfig().build());
    }

    /** The settings of {@link #startSimulator()}, to change one. */
    static SimulatorConfig.Builder simulatorConfig() {
        return SimulatorConfig.builder()
                .apiKeys(Set.of(API_KEY))
                .processingLatency(Duration.ofMillis(200))
                .requestsPerMinute(0)
                .webhookRetryInterval(Duration.ofMillis(300));
    }

    /**
     * The options of a job on the sample that a child JVM can be killed and restarted with: same work dir, same
     * webhook port, polls every 500 ms, then {@code more} (names and values).
     */
    static Map<String, String> restartableJob(Path dir, Path output, int port, String baseUrl, String... more) {
        Map<String, String> options = options("input", sample().toString(), "output", output.toString(),
                "work-dir", dir.resolve("work").toString(), "api-key", API_KEY, "base-url", baseUrl,
                "http-port", Integer.toString(port), "callback-url",
                "http://127.0.0.1:" + port + "/deepenrich/results", "poll-fallback-after", "1s",
                "poll-interval", "500ms");
        options.putAll(options(more));
        return options;
    }

    /** The job in its own JVM with these options (system properties), logging each batch accepted. */
    static NodeProcess startJob(Map<String, String> options) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(options);
        properties.put("org.slf4j.simpleLogger.log.com.deepenrich.camel.examples.csv", "info");
        return NodeProcess.start(CsvEnrichmentApp.class, properties);
    }

    /** Options from names and values. */
    static Map<String, String> options(String... namesAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }

    static Path sample() {
        return Path.of(SAMPLE).toAbsolutePath();
    }

    static List<CSVRecord> read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
