package com.deepenrich.camel;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.deepenrich.camel.docs.DocsUpdate;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.util.OrderedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs' Java snippets are {@link DocRoutes} and {@link FailedRows}, compiled with the tests: each code block after a
 * {@code snippet:NAME} marker in README.md or deepenrich-component.adoc must equal the region of that name there,
 * every Java block with a route must have a marker, and the README's routes and the guide's own application run.
 * {@code -Ddocs.update=true} rewrites the docs' blocks from the code, then fails the run.
 */
class DocSnippetsTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/test/java/com/deepenrich/camel/DocRoutes.java"),
            Path.of("src/test/java/com/deepenrich/camel/FailedRows.java"));
    private static final List<Path> DOCS = List.of(Path.of("../README.md"),
            Path.of("src/main/docs/deepenrich-component.adoc"));
    /** A marker line, then the code block: ```java ... ``` in Markdown, [source,java] ---- ... ---- in AsciiDoc. */
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^(?:<!-- |// )snippet:([\\w-]+)(?: -->)?\\n(```java\\n|\\[source,java\\]\\n----\\n)(.*?)\\n(```|----)$",
            Pattern.DOTALL);
    private static final Pattern OWN_APP_PROPERTIES = Pattern.compile(
            "(?m)^// properties:adoc-own-app\\n\\[source,properties\\]\\n----\\n(.*?)\\n----$", Pattern.DOTALL);
    private static final Pattern ANY_JAVA_BLOCK = Pattern.compile(
            "(?m)^(```java\\n|\\[source,java\\]\\n----\\n)(.*?)\\n(```|----)$", Pattern.DOTALL);

    @Test
    void theDocsShowTheCompiledSnippets() throws Exception {
        Map<String, String> snippets = new LinkedHashMap<>();
        for (Path source : SOURCES) {
            snippets.putAll(snippets(Files.readString(source)));
        }
        List<String> shown = new ArrayList<>();
        for (Path doc : DOCS) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            StringBuilder expected = new StringBuilder();
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                String code = snippets.get(m.group(1));
                assertTrue(code != null, doc + " names snippet " + m.group(1) + " that DocRoutes does not have");
                shown.add(m.group(1));
                m.appendReplacement(expected, Matcher.quoteReplacement(
                        text.substring(m.start(), m.start(3)) + code + "\n" + m.group(4)));
            }
            m.appendTail(expected);
            DocsUpdate.check(doc, text, expected.toString(), doc + " differs from DocRoutes: run this test with "
                                                             + "-Ddocs.update=true");
        }
        assertEquals(snippets.keySet().stream().sorted().toList(), shown.stream().sorted().toList(),
                "every snippet shown once");
        DocsUpdate.failIfUpdating();
    }

    @Test
    void everyJavaRouteInTheDocsIsASnippet() throws Exception {
        for (Path doc : DOCS) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Matcher any = ANY_JAVA_BLOCK.matcher(text);
            while (any.find()) {
                String before = text.substring(0, any.start());
                String markerLine = before.substring(before.lastIndexOf('\n', before.length() - 2) + 1);
                assertTrue(markerLine.contains("snippet:"), doc + ": a Java block without a snippet marker:\n"
                                                            + any.group(2));
            }
        }
    }

    @Test
    void theReadmeRoutesRunSubmittingAndReceivingByWebhook() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        try (WireMockApi api = new WireMockApi()) {
            api.acceptBulkWithIdOfFirstSeq();
            CamelContext camel = new DefaultCamelContext();
            camel.addComponent("deepenrich", api.component());
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            camel.addService(new VertxPlatformHttpServer(server));
            camel.addRoutes(DocRoutes.readme());
            ModelCamelContext model = (ModelCamelContext) camel;
            AdviceWith.adviceWith(camel, model.getRouteDefinitions().get(0), a -> a.replaceFromWith("direct:leads"));
            AdviceWith.adviceWith(camel, model.getRouteDefinitions().get(1),
                    a -> a.weaveByType(LogDefinition.class).after().to("mock:contacts"));
            camel.start();
            try {
                camel.createProducerTemplate().sendBody("direct:leads", WireMockApi.contact(7));
                await("the group sent after its completionTimeout").until(() -> api.bulkRequests().size() == 1);
                URI callback = URI.create(WireMockApi.json(api.bulkRequests().get(0)).path("webhook_url").asText());
                assertEquals("https://my.host/deepenrich/results", callback.getScheme() + "://" + callback.getHost()
                                                                   + callback.getPath());
                assertTrue(callback.getQuery().startsWith("token="), "the callback carries the derived token");

                MockEndpoint contacts = camel.getEndpoint("mock:contacts", MockEndpoint.class);
                contacts.expectedMessageCount(1);
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/deepenrich/results?" + callback.getRawQuery()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(WireMockApi.fixture("result-finished.json")))
                        .build(), HttpResponse.BodyHandlers.ofString());

                assertEquals(200, answer.statusCode(), "the callback URL's path is the webhook's: " + answer.body());
                contacts.assertIsSatisfied();
            } finally {
                camel.stop();
            }
        }
    }

    /**
     * The guide's own application as written: 200 rows, two of them invalid, in two requests; each result delivered
     * is written once per lead, the refused rows are dead letters in input order. A restart (the ledger and the
     * written leads kept in the data folder) reads the same file again, as after a kill, and gets every result
     * delivered again: nothing is sent again and no lead is written twice.
     */
    @Test
    void theGuidesOwnApplicationWritesEachLeadOnceAcrossARestart(@TempDir Path dir) throws Exception {
        try (WireMockApi api = new WireMockApi()) {
            api.acceptBulkWithIdOfFirstSeq();
            api.server.stubFor(get(urlEqualTo("/api/v1/account/keys/verify"))
                    .willReturn(okJson("{\"workspace_id\": \"ws-1\"}")));
            OwnApplication app = new OwnApplication(dir, api.baseUrl(), AvailablePortFinder.getNextAvailable());
            app.start();
            try {
                app.read(0, 200, 7, 120);

                await().until(() -> api.seqsReceived().size() == 198 && app.deadLetters().size() == 2);
                assertEquals(List.of(99, 99), api.bulkSizes());
                URI callback = URI.create(WireMockApi.json(api.bulkRequests().get(0)).path("webhook_url").asText());
                assertEquals("http://127.0.0.1:" + app.port + "/deepenrich/results",
                        callback.getScheme() + "://" + callback.getAuthority() + callback.getPath());
                app.deliverEveryResult(api);
                assertEquals(leads(0, 200, 7, 120), app.enriched());
                assertEquals(List.of("L-120: lastname is required", "L-7: lastname is required"),
                        app.deadLetters().stream().sorted().toList(), "one refused row in each group");
            } finally {
                app.stop();
            }
            assertEquals(ledgerFilesTheGuideNames(), app.ledgerFiles(), "what the ledger path created on disk");

            OwnApplication restarted = new OwnApplication(dir, api.baseUrl(), app.port);
            restarted.start();
            try {
                restarted.read(0, 200, 7, 120);
                await("the two groups read again").until(() -> restarted.deadLetters().size() == 4);
                restarted.deliverEveryResult(api);

                assertEquals(2, api.bulkRequests().size(), "the groups accepted before the restart are not sent again");
                assertEquals(leads(0, 200, 7, 120), restarted.enriched(), "each lead written once");
            } finally {
                restarted.stop();
            }
        }
    }

    /**
     * The guide's own application with the API down when it starts (retries lowered to keep the test short): the
     * start goes on, the first file's group fails and every row is a dead letter, in input order, with the reason
     * naming where the API was looked for; then the API comes up and the next file is enriched. Every row is in one
     * output or the other, once.
     */
    @Test
    void theGuidesOwnApplicationAccountsForEveryRowWhenTheApiIsDownAtStart(@TempDir Path dir) throws Exception {
        int apiPort = AvailablePortFinder.getNextAvailable();
        OwnApplication app = new OwnApplication(dir, "http://127.0.0.1:" + apiPort + "/api/v1",
                AvailablePortFinder.getNextAvailable());
        app.main.addOverrideProperty("camel.component.deepenrich.max-retries", "1");
        app.main.addOverrideProperty("camel.component.deepenrich.retry-delay", "10");
        app.start();
        try {
            app.read(0, 100, 5);
            await("the group failed").until(() -> app.deadLetters().size() == 100);

            List<String> down = app.deadLetters();
            assertEquals("L-5: lastname is required", down.get(5));
            for (int i = 0; i < 100; i++) {
                assertTrue(down.get(i).startsWith(i == 5 ? "L-5: " : "L-" + i + ": DeepEnrich no answer from 127.0.0.1:"
                                                                     + apiPort + ": could not connect"),
                        "in input order, with why: " + down.get(i));
            }

            try (WireMockApi api = new WireMockApi(apiPort)) {
                api.acceptBulkWithIdOfFirstSeq();
                app.read(100, 200);
                await().until(() -> api.seqsReceived().size() == 100);
                app.deliverEveryResult(api);

                assertEquals(leads(100, 200), app.enriched());
                assertEquals(100, app.deadLetters().size(), "no row of the second file failed");
            }
        } finally {
            app.stop();
        }
    }

    /** The files the guide's paragraph on what a ledger path creates names for the path data/ledger, sorted. */
    private static List<String> ledgerFilesTheGuideNames() throws Exception {
        String guide = Files.readString(DOCS.get(1), StandardCharsets.UTF_8);
        int start = guide.indexOf("[[ledger-files]]");
        assertTrue(start >= 0, "the guide's paragraph [[ledger-files]]");
        Matcher file = Pattern.compile("`data/(ledger[\\w.]*)`").matcher(guide.substring(start,
                guide.indexOf("\n\n", start)));
        List<String> named = new ArrayList<>();
        while (file.find()) {
            named.add(file.group(1));
        }
        return named.stream().sorted().toList();
    }

    /** Leads L-from to L-(to - 1) but the ones skipped, sorted. */
    private static List<String> leads(int from, int to, int... skipped) {
        List<Integer> skip = Arrays.stream(skipped).boxed().toList();
        return IntStream.range(from, to).filter(i -> !skip.contains(i)).mapToObj(i -> "L-" + i).sorted().toList();
    }

    /**
     * The guide's application under camel-main with its application.properties, only the API's URL, the server's
     * port, the rate limit and the folders changed, the folders in {@code dir}.
     */
    private static final class OwnApplication {

        final Main main = new Main();
        final int port;
        private final Path dir;

        /** {@code port}: the server's, which the callback URLs of the requests it sends carry. */
        OwnApplication(Path dir, String baseUrl, int port) throws Exception {
            this.dir = dir;
            this.port = port;
            Matcher block = OWN_APP_PROPERTIES.matcher(Files.readString(DOCS.get(1), StandardCharsets.UTF_8));
            assertTrue(block.find(), "the guide's application.properties block");
            Properties properties = new OrderedProperties(); // the file's order, as camel-main reads it
            properties.load(new StringReader(block.group(1)));
            main.setDefaultPropertyPlaceholderLocation("false");
            main.setInitialProperties(properties);
            main.addOverrideProperty("camel.component.deepenrich.base-url", baseUrl);
            main.addOverrideProperty("camel.server.port", Integer.toString(port));
            // no client-side limit: the API is a stub, and each request would wait a turn of 60 a minute
            main.addOverrideProperty("camel.component.deepenrich.requests-per-minute", "0");
            for (String folder : List.of("contacts", "output", "data")) {
                main.addOverrideProperty(folder + ".dir", dir.resolve(folder).toString());
            }
            main.configure().addRoutesBuilder(new DocRoutes.EnrichContactsRoutes());
        }

        void start() throws Exception {
            main.start();
        }

        void stop() {
            main.stop();
        }

        /** Drops a file of rows L-from to L-(to - 1) into the input folder, the {@code invalid} ones without last name. */
        void read(int from, int to, int... invalid) throws Exception {
            List<Integer> bad = Arrays.stream(invalid).boxed().toList();
            String lines = IntStream.range(from, to).mapToObj(i -> "{\"first_name\":\"F" + i + "\",\"last_name\":\""
                                                                   + (bad.contains(i) ? "" : "L") + "\","
                                                                   + "\"company_domain\":\"example.com\",\"lead_id\":\"L-"
                                                                   + i + "\",\"seq\":\"" + i + "\"}")
                    .collect(Collectors.joining("\n"));
            Path written = Files.writeString(Files.createTempFile(dir, "contacts-", ".jsonl"), lines);
            Path in = Files.createDirectories(dir.resolve("contacts"));
            Files.move(written, in.resolve(written.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }

        /** DeepEnrich's webhook for every request the API received, answered 200 by the application. */
        void deliverEveryResult(WireMockApi api) throws Exception {
            for (LoggedRequest request : api.bulkRequests()) {
                URI callback = URI.create(WireMockApi.json(request).path("webhook_url").asText());
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(callback)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EchoResults.resultOf(request, "FINISHED")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            }
        }

        /** The files in the data folder whose name starts with the ledger path's, sorted. */
        List<String> ledgerFiles() throws Exception {
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("ledger")).sorted()
                        .toList();
            }
        }

        /** The leads of out/enriched.jsonl, sorted (a lead twice is listed twice). */
        List<String> enriched() throws Exception {
            return lines("enriched.jsonl").stream().map(line -> WireMockApi.json(line).at("/custom/lead_id").asText())
                    .sorted().toList();
        }

        /** The dead letters as "lead: reason", in the file's order. */
        List<String> deadLetters() throws Exception {
            return lines("dead-letters.jsonl").stream().map(WireMockApi::json)
                    .map(line -> line.at("/row/lead_id").asText() + ": " + line.path("reason").asText()).toList();
        }

        private List<String> lines(String file) throws Exception {
            Path path = dir.resolve("output").resolve(file);
            return Files.exists(path) ? Files.readAllLines(path).stream().filter(l -> !l.isBlank()).toList()
                    : List.of();
        }
    }

    /** The regions of DocRoutes by name, without their common indentation. */
    private static Map<String, String> snippets(String source) {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^[ \\t]*// snippet:([\\w-]+)\\n(.*?)^[ \\t]*// end:\\1$", Pattern.DOTALL)
                .matcher(source);
        while (m.find()) {
            List<String> lines = m.group(2).lines().toList();
            int indent = lines.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            snippets.put(m.group(1), String.join("\n",
                    lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
        }
        return snippets;
    }
}
