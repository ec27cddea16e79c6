package com.deepenrich.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option of the component's catalog (the jar's deepenrich.json) is a {@code camel.component.deepenrich.*}
 * property in the starter's generated spring-configuration-metadata.json, with its description and default.
 */
class SpringConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsDescribedWithItsDefault() throws IOException {
        JsonNode catalog = read("META-INF/com/deepenrich/camel/deepenrich.json").path("componentProperties");
        Map<String, JsonNode> metadata = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").path("properties")
                .forEach(p -> metadata.put(p.path("name").asText(), p));

        assertTrue(catalog.size() > 20, "the catalog lists the component's options: " + catalog.size());
        catalog.properties().forEach(entry -> {
            String name = "camel.component.deepenrich." + StringHelper.camelCaseToDash(entry.getKey());
            JsonNode option = entry.getValue();
            JsonNode property = metadata.get(name);
            assertNotNull(property, name + " is in the metadata");
            assertTrue(property.path("description").asText().startsWith(option.path("description").asText()),
                    name + " has the option's description");
            if ("duration".equals(option.path("type").asText())) {
                assertEquals("java.time.Duration", property.path("type").asText(), name + " takes 15s, PT15S or ms");
            }
            defaultOf(option).ifPresentOrElse(
                    expected -> assertEquals(expected, defaultOf(option, property), name + " default"),
                    () -> assertFalse(property.has("defaultValue"), name + " has no default"));
        });
    }

    private static Optional<String> defaultOf(JsonNode option) {
        JsonNode value = option.path("defaultValue");
        if (value.isMissingNode() || value.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("duration".equals(option.path("type").asText())
                ? Long.toString(TimeUtils.toMilliSeconds(value.asText())) : value.asText());
    }

    private static String defaultOf(JsonNode option, JsonNode property) {
        String value = property.path("defaultValue").asText();
        return "duration".equals(option.path("type").asText())
                ? Long.toString(DurationStyle.detectAndParse(value).toMillis()) : value;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SpringConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the classpath");
            return JSON.readTree(in);
        }
    }
}
