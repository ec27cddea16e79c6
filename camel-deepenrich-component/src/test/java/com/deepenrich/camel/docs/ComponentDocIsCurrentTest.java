package com.deepenrich.camel.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The options and headers tables of deepenrich-component.adoc are rendered from the generated catalog JSON, so the
 * user guide cannot drift from the code. {@code -Ddocs.update=true} rewrites them, then fails the run.
 */
class ComponentDocIsCurrentTest {

    private static final Path CATALOG =
            Path.of("src/generated/resources/META-INF/com/deepenrich/camel/deepenrich.json");
    private static final Path DOC = Path.of("src/main/docs/deepenrich-component.adoc");

    @Test
    void optionsAndHeadersTablesMatchTheCatalog() throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(CATALOG.toFile());
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = doc;
        for (Map.Entry<String, String> section : Map.of(
                "component options", options(catalog.get("componentProperties"), "Component options"),
                "endpoint options", options(catalog.get("properties"), "Endpoint options"),
                "component headers", headers(catalog.get("headers"))).entrySet()) {
            expected = replaceSection(expected, section.getKey(), section.getValue());
        }
        assertFalse(catalog.get("componentProperties").isEmpty());
        DocsUpdate.check(DOC, doc, expected, "deepenrich-component.adoc tables are stale: run "
                                             + "mvn -pl camel-deepenrich-component test "
                                             + "-Dtest=ComponentDocIsCurrentTest -Ddocs.update=true");
        DocsUpdate.failIfUpdating();
    }

    private static String replaceSection(String doc, String name, String body) {
        String start = "// " + name + ": START\n";
        String end = "// " + name + ": END";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("markers for '" + name + "' missing in " + DOC);
        }
        return doc.substring(0, from + start.length()) + body + doc.substring(to);
    }

    private static String options(JsonNode properties, String title) {
        StringBuilder sb = new StringBuilder("=== ").append(title).append("\n\n")
                .append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Default | Type\n");
        properties.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            sb.append("| *").append(e.getKey()).append("* (").append(p.path("group").asText()).append(") | ")
                    .append(cell(p.path("description").asText()));
            if (p.path("secret").asBoolean()) {
                sb.append(" Secret.");
            }
            sb.append(" | ").append(cell(p.path("defaultValue").asText(""))).append(" | ")
                    .append(cell(p.path("javaType").asText())).append('\n');
        });
        return sb.append("|===\n").toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("=== Message headers\n\n")
                .append("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Type\n");
        headers.fields().forEachRemaining(e -> sb.append("| `").append(e.getKey()).append("` (")
                .append(e.getValue().path("group").asText()).append(") | ")
                .append(cell(e.getValue().path("description").asText())).append(" | ")
                .append(cell(e.getValue().path("javaType").asText())).append('\n'));
        return sb.append("|===\n").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
