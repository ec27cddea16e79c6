package com.deepenrich.camel.examples.yaml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets the component jar ships in {@code kamelets/} follow the Apache Kamelet catalog's rules (its
 * validator's, and those its sinks follow: secrets in RAW(), URL properties with a pattern, incoming headers of the
 * component removed by a sink).
 */
class KameletCatalogRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+):?}}");

    @ParameterizedTest
    @CsvSource({"deepenrich-sink, sink, kamelet:source", "deepenrich-source, source, kamelet:sink",
            "deepenrich-poll-source, source, kamelet:sink"})
    void followsTheCatalogRules(String name, String type, String templateEnd) throws Exception {
        String file = "kamelets/" + name + ".kamelet.yaml";
        JsonNode kamelet;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            assertNotNull(in, file + " is on the classpath");
            kamelet = YAML.readTree(in);
        }

        assertEquals("Kamelet", kamelet.path("kind").asText());
        assertEquals(name, kamelet.path("metadata").path("name").asText(), "file = name + .kamelet.yaml");
        assertTrue(name.endsWith("-" + type));
        assertEquals(type, kamelet.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText());
        assertFalse(kamelet.path("metadata").path("annotations").path("camel.apache.org/kamelet.icon").asText()
                .isEmpty(), "an icon");

        JsonNode definition = kamelet.path("spec").path("definition");
        assertEquals("object", definition.path("type").asText());
        String capitalizedType = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        assertTrue(definition.path("title").asText().endsWith(capitalizedType), "title ends with " + capitalizedType);
        assertFalse(definition.path("description").asText().isEmpty());
        JsonNode properties = definition.path("properties");
        definition.path("required").forEach(r -> assertTrue(properties.has(r.asText()), "required " + r + " declared"));

        String template = YAML.writeValueAsString(kamelet.path("spec").path("template"));
        List<String> used = placeholders(template);
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode p = property.getValue();
            String where = name + " property " + property.getKey();
            for (String field : List.of("type", "title", "description")) {
                assertFalse(p.path(field).asText().isEmpty(), where + " has a " + field);
            }
            assertFalse(p.path("title").asText().matches("(The|A|An) .*"), where + " title starts with an article");
            if ("password".equals(p.path("format").asText())) {
                assertTrue(p.path("x-descriptors").toString().contains("urn:camel:group:credentials"),
                        where + " is a credential");
                assertTrue(secretOnlyRaw(template, property.getKey()), where + " is passed as RAW({{...}}) only, so "
                                                                       + "that + & % # reach the component intact");
            }
            if (property.getKey().endsWith("Url")) {
                assertFalse(p.path("pattern").asText().isEmpty(), where + " has a pattern");
            }
            assertTrue(used.contains(property.getKey()), where + " is used in the template");
        }
        assertTrue(properties.propertyStream().map(Map.Entry::getKey).toList().containsAll(used),
                name + " declares every placeholder its template uses: " + used);

        assertFalse(definition.path("required").toString().contains("\"apiKey\""),
                "apiKey is optional: the component may hold it");
        if ("sink".equals(type)) {
            JsonNode first = kamelet.path("spec").path("template").path("from").path("steps").path(0);
            assertEquals("CamelDeepEnrich*", first.path("removeHeaders").path("pattern").asText(),
                    "the sink first removes the incoming CamelDeepEnrich* headers");
        }

        String dependencies = kamelet.path("spec").path("dependencies").toString();
        assertTrue(dependencies.contains("\"camel:kamelet\""), dependencies);
        assertTrue(dependencies.contains("\"mvn:com.deepenrich.camel:camel-deepenrich:"
                                         + System.getProperty("deepenrich.version") + "\""),
                dependencies);
        assertTrue(template.contains(templateEnd), name + " template goes through " + templateEnd);
    }

    /** Every use of placeholder {@code name} in the template is wrapped in RAW(...). */
    private static boolean secretOnlyRaw(String template, String name) {
        int all = placeholders(template).stream().filter(name::equals).toList().size();
        Matcher raw = Pattern.compile("RAW\\(\\{\\{\\??" + name + ":?}}\\)").matcher(template);
        int wrapped = 0;
        while (raw.find()) {
            wrapped++;
        }
        return all > 0 && all == wrapped;
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
