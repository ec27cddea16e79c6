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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deepenrich.camel.docs.DocsUpdate;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs' Java snippets are {@link DocRoutes}, compiled with the tests: each code block after a
 * {@code snippet:NAME} marker in README.md or deepenrich-component.adoc must equal the region of that name there,
 * every Java block with a route must have a marker, and the README's routes and the guide's own application run.
 * {@code -Ddocs.update=true} rewrites the docs' blocks from the code, then fails the run.
 */
class DocSnippetsTest {

    private static final Path SOURCE = Path.of("src/test/java/com/deepenrich/camel/DocRoutes.java");
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
        Map<String, String> snippets = snippets(Files.readString(SOURCE));
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
     * The guide's own application as written: its application.properties (only the API's URL, the server's port and
     * the input folder changed), its main class's routes in camel-main; a file of 150 contacts goes in two requests,
     * and the callback URL each carries reaches the webhook.
     */
    @Test
    void theGuidesOwnApplicationRunsAsWritten(@TempDir Path dir) throws Exception {
        Matcher block = OWN_APP_PROPERTIES.matcher(Files.readString(DOCS.get(1), StandardCharsets.UTF_8));
        assertTrue(block.find(), "the guide's application.properties block");
        Properties properties = new Properties();
        properties.load(new StringReader(block.group(1)));
        int port = AvailablePortFinder.getNextAvailable();
        Path in = Files.createDirectories(dir.resolve("in"));
        try (WireMockApi api = new WireMockApi()) {
            api.acceptBulkWithIdOfFirstSeq();
            Main main = new Main();
            main.setDefaultPropertyPlaceholderLocation("false");
            main.setInitialProperties(properties);
            main.addOverrideProperty("camel.component.deepenrich.base-url", api.baseUrl());
            main.addOverrideProperty("camel.server.port", Integer.toString(port));
            main.addOverrideProperty("contacts.dir", in.toString());
            main.configure().addRoutesBuilder(new DocRoutes.EnrichContactsRoutes());
            main.start();
            try {
                Path written = Files.writeString(dir.resolve("contacts.jsonl"), WireMockApi.jsonLines(0, 150));
                Files.move(written, in.resolve("contacts.jsonl"), StandardCopyOption.ATOMIC_MOVE);

                await().until(() -> api.seqsReceived().size() >= 150);
                assertEquals(List.of(100, 50), api.bulkSizes());
                URI callback = URI.create(WireMockApi.json(api.bulkRequests().get(0)).path("webhook_url").asText());
                assertEquals("http://127.0.0.1:" + port + "/deepenrich/results",
                        callback.getScheme() + "://" + callback.getAuthority() + callback.getPath());
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(callback)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(WireMockApi.fixture("result-finished.json")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            } finally {
                main.stop();
            }
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
