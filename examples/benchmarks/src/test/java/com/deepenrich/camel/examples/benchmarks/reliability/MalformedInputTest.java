package com.deepenrich.camel.examples.benchmarks.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.deepenrich.camel.examples.benchmarks.CsvRows;
import com.deepenrich.camel.examples.benchmarks.ZeroLatencyBulkApi;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of malformed inputs under {@code src/test/resources/malformed} (see its README): each one is refused
 * with an error that names what is wrong, nothing crashes, nothing reaches the API or the route unannounced.
 */
class MalformedInputTest {

    private static final String TOKEN = "corpus-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger EMITTED = new AtomicInteger();
    private static ZeroLatencyBulkApi api;
    private static TestApp app;
    private static Properties expectations;

    @BeforeAll
    static void start() throws Exception {
        expectations = new Properties();
        try (InputStream in = Files.newInputStream(corpus().resolve("expectations.properties"))) {
            expectations.load(in);
        }
        api = ZeroLatencyBulkApi.start();
        app = new TestApp(api.baseUrl());
        app.configuration().setCallbackToken(TOKEN);
        app.start().add(new RouteBuilder() {

            @Override
            public void configure() {
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/hooks/deepenrich&pollFallbackAfter=0")
                        .process(e -> EMITTED.incrementAndGet());
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        api.close();
    }

    @Test
    void theCorpusHoldsAtLeastThirtyCasesEachWithItsExpectation() throws Exception {
        List<String> cases = Stream.of("bulk", "csv", "webhook").flatMap(MalformedInputTest::cases).toList();
        assertTrue(cases.size() >= 30, "only " + cases.size() + " cases");
        assertEquals(cases.size(), expectations.size(), "cases " + cases + " against expectations "
                                                        + expectations.keySet());
    }

    static Stream<String> bulkCases() throws IOException {
        return cases("bulk");
    }

    static Stream<String> csvCases() throws IOException {
        return cases("csv");
    }

    static Stream<String> webhookCases() throws IOException {
        return cases("webhook");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bulkCases")
    void bulkBodyIsRefusedBeforeAnythingIsSent(String name) throws Exception {
        Expectation expected = expectation(name);
        byte[] body = read(name);
        api.reset();

        CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                () -> app.template().requestBody("deepenrich:bulk", body));

        expected.assertFailure(failed.getCause());
        assertEquals(0, api.counts().requests(), "requests sent to the API");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvCases")
    void csvRowsAreRejectedByNameOrTheReadFailsNamingTheLine(String name) throws Exception {
        Expectation expected = expectation(name);
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvRows csv = CsvRows.rows(new ByteArrayInputStream(read(name)))) {
            csv.forEachRemaining(rows::add);
        } catch (RuntimeException | IOException unreadable) {
            expected.assertFailure(unreadable);
            return;
        }
        api.reset();
        SubmissionReceipt receipt;
        try {
            // each case stands alone: a valid row another case already sent would be answered from the ledger's
            // fingerprints (fingerprintWindow), or wait for that case's person (deduplicatePeople), without reaching
            // the API
            receipt = app.template().requestBody(
                    "deepenrich:bulk?invalidContacts=skip&fingerprintWindow=0&deduplicatePeople=false", rows,
                    SubmissionReceipt.class);
        } catch (CamelExecutionException refused) {
            expected.assertFailure(refused.getCause());
            assertEquals(0, api.counts().requests(), "requests sent to the API");
            return;
        }
        expected.assertRejected(receipt.getRejections());
        assertEquals(rows.size(), receipt.getSubmitted() + receipt.getRejections().size(), "submitted + rejected");
        assertEquals(receipt.getSubmitted(), api.counts().contacts(), "contacts that reached the API");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookCases")
    void webhookBodyIsAnsweredWithAStatusNamingTheProblem(String name) throws Exception {
        Expectation expected = expectation(name);
        int emittedBefore = EMITTED.get();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                URI.create(app.url("/hooks/deepenrich?token=" + TOKEN)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(read(name))).build(),
                HttpResponse.BodyHandlers.ofString());

        expected.assertAnswer(answer.statusCode(), answer.body());
        assertEquals(emittedBefore, EMITTED.get(), "results that reached the route");
    }

    /** What a case must produce: an exception type, an HTTP status or rejected:N, and a fragment of the message. */
    private record Expectation(String name, String outcome, String fragment) {

        void assertFailure(Throwable failure) {
            String message = String.valueOf(failure.getMessage());
            System.out.printf("%s -> %s: %s%n", name, failure.getClass().getSimpleName(), abbreviate(message));
            assertEquals(outcome, failure.getClass().getSimpleName(), name + ": " + message);
            assertTrue(message.contains(fragment), name + ": '" + fragment + "' not in " + abbreviate(message));
        }

        void assertRejected(List<Rejection> rejections) {
            System.out.printf("%s -> rejected:%d %s%n", name, rejections.size(), abbreviate(rejections.toString()));
            assertEquals(outcome, "rejected:" + rejections.size(), name + ": " + rejections);
            assertTrue(rejections.stream().allMatch(r -> r.toString().contains(fragment)),
                    name + ": '" + fragment + "' not in every rejection of " + rejections);
        }

        void assertAnswer(int status, String body) {
            System.out.printf("%s -> %d %s%n", name, status, abbreviate(body));
            assertEquals(outcome, Integer.toString(status), name + ": " + body);
            assertTrue(body.contains(fragment), name + ": '" + fragment + "' not in " + body);
        }

        private static String abbreviate(String s) {
            return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " characters)";
        }
    }

    private static Expectation expectation(String name) {
        String line = expectations.getProperty(name);
        if (line == null) {
            throw new IllegalStateException("no expectation for " + name + " in expectations.properties");
        }
        int bar = line.indexOf('|');
        return new Expectation(name, line.substring(0, bar).trim(), line.substring(bar + 1).trim());
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(MalformedInputTest.class.getResource("/malformed").toURI());
    }

    private static Stream<String> cases(String folder) {
        try (Stream<Path> files = Files.list(corpus().resolve(folder))) {
            return files.map(f -> folder + "/" + f.getFileName()).sorted().toList().stream();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the corpus folder " + folder, e);
        }
    }

    /** A case's bytes; a {@code .recipe} is built: prefix + unit * count + suffix. */
    private static byte[] read(String name) throws Exception {
        byte[] raw = Files.readAllBytes(corpus().resolve(name));
        if (!name.endsWith(".recipe")) {
            return raw;
        }
        JsonNode recipe = MAPPER.readTree(raw);
        return (recipe.get("prefix").asText() + recipe.get("unit").asText().repeat(recipe.get("count").asInt())
                + recipe.get("suffix").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
