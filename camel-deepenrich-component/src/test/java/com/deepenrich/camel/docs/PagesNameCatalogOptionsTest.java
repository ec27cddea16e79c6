package com.deepenrich.camel.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What the pages (README, src/docs, the examples' READMEs, the component guide) say of the component's options is
 * what the generated catalog holds: every {@code camel.component.deepenrich.*} property, every option of a
 * {@code deepenrich:} URI and every {@code `option=value`} names an option the catalog has (with a value its enum
 * allows), every default a page states is the catalog's, and the guide names every component-only option.
 */
class PagesNameCatalogOptionsTest {

    private static final Path CATALOG =
            Path.of("src/generated/resources/META-INF/com/deepenrich/camel/deepenrich.json");
    private static final Path GUIDE = Path.of("src/main/docs/deepenrich-component.adoc");

    /** Properties the Spring Boot starter adds to the component's own. */
    private static final Set<String> STARTER_PROPERTIES = Set.of("enabled");
    /** Options of the {@code webhook:} meta component, which wraps {@code deepenrich:results}. */
    private static final Set<String> WEBHOOK_OPTIONS =
            Set.of("webhookComponentName", "webhookAutoRegister", "webhookBasePath", "webhookExternalUrl",
                    "webhookPath");
    /** Camel's own options (idempotent consumer, endpoints) that pages write as {@code `name=value`}. */
    private static final Set<String> CAMEL_OPTIONS = Set.of("eager", "synchronous");

    private static final Pattern PROPERTY = Pattern.compile("camel\\.component\\.deepenrich\\.([a-z][a-z-]*)");
    private static final Pattern URI = Pattern.compile("(webhook:)?deepenrich:(\\w+)\\?([^\\s`\"')]+)");
    private static final Pattern OPTION_VALUE = Pattern.compile("`([a-z][a-zA-Z]+)=([^`&\\s]+)[^`]*`");
    /** A stated value: a number, or a duration as pages write it ("30 s", "10 min", "1 h", "one hour"). */
    private static final String VALUE = "(\\d+|one)(?: ?(ms|s|min|minutes?|h|hours?))?\\b";
    /** "`name` (default 4", "`name`, default 60", "`name` (component, default 10", "`name` (30 s by default". */
    private static final List<Pattern> STATED_DEFAULTS = List.of(
            Pattern.compile("`([a-z][a-zA-Z]+)`,? \\((?:\\w+, )?default " + VALUE),
            Pattern.compile("`([a-z][a-zA-Z]+)`,? \\(?" + VALUE + " by default"));
    private static final Map<String, Long> MILLIS = Map.of("ms", 1L, "s", 1_000L, "min", 60_000L, "minute", 60_000L,
            "minutes", 60_000L, "h", 3_600_000L, "hour", 3_600_000L, "hours", 3_600_000L);

    private static JsonNode catalog;
    private static Map<Path, String> pages;

    @BeforeAll
    static void read() throws IOException {
        catalog = new ObjectMapper().readTree(CATALOG.toFile());
        pages = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>(List.of(Path.of("../README.md"), GUIDE));
        try (Stream<Path> docs = Files.list(Path.of("../src/docs"));
                Stream<Path> examples = Files.list(Path.of("../examples"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(paths::add);
            examples.map(p -> p.resolve("README.md")).filter(Files::exists).sorted().forEach(paths::add);
        }
        for (Path p : paths) {
            pages.put(p, Files.readString(p, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyComponentPropertyNamedOnAPageIsInTheCatalog() {
        Set<String> unknown = new TreeSet<>();
        forEach(PROPERTY, (page, m) -> {
            String name = camelCase(m.group(1));
            if (!STARTER_PROPERTIES.contains(m.group(1)) && !catalog.get("componentProperties").has(name)) {
                unknown.add(page.getFileName() + ": " + m.group());
            }
        });
        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyUriOptionAndOptionValueNamedOnAPageIsInTheCatalog() {
        Set<String> unknown = new TreeSet<>();
        Set<String> operations = new HashSet<>();
        catalog.at("/properties/operation/enum").forEach(o -> operations.add(o.asText()));
        forEach(URI, (page, m) -> {
            if (!operations.contains(m.group(2))) {
                unknown.add(page.getFileName() + ": operation " + m.group(2));
            }
            for (String option : m.group(3).split("&")) {
                String[] nameValue = option.split("=", 2);
                boolean webhook = m.group(1) != null && WEBHOOK_OPTIONS.contains(nameValue[0]);
                if (!webhook && !nameValue[0].equals("...") && !allows(nameValue[0], nameValue.length > 1
                        ? nameValue[1] : null)) {
                    unknown.add(page.getFileName() + ": " + m.group() + " (" + nameValue[0] + ")");
                }
            }
        });
        forEach(OPTION_VALUE, (page, m) -> {
            if (!CAMEL_OPTIONS.contains(m.group(1)) && !allows(m.group(1), m.group(2))) {
                unknown.add(page.getFileName() + ": " + m.group());
            }
        });
        assertEquals(Set.of(), unknown);
    }

    @Test
    void everyDefaultStatedOnAPageIsTheCatalogs() {
        List<String> wrong = new ArrayList<>();
        for (Pattern statedDefault : STATED_DEFAULTS) {
            forEach(statedDefault, (page, m) -> {
                JsonNode option = option(m.group(1));
                if (option == null) {
                    return; // not an option of the component (a Camel one, a class): the other tests see to names
                }
                long number = m.group(2).equals("one") ? 1 : Long.parseLong(m.group(2));
                String stated = Long.toString(number * (m.group(3) == null ? 1 : MILLIS.get(m.group(3))));
                String expected = option.path("defaultValue").asText();
                if (!expected.equals(stated)) {
                    wrong.add(page.getFileName() + ": " + m.group() + " (catalog: " + expected + ")");
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theGuideNamesEveryComponentOnlyOption() {
        String guide = pages.get(GUIDE);
        int from = guide.indexOf("An option listed in both tables");
        assertFalse(from < 0, "the guide's paragraph on where options are set");
        String paragraph = guide.substring(from, guide.indexOf("\n\n", from));
        Set<String> missing = new TreeSet<>();
        catalog.get("componentProperties").fieldNames().forEachRemaining(name -> {
            if (!catalog.get("properties").has(name) && !paragraph.contains("`" + name + "`")) {
                missing.add(name);
            }
        });
        assertEquals(Set.of(), missing, "component-only options the guide does not name as such");
    }

    private static boolean allows(String name, String value) {
        JsonNode option = option(name);
        if (option == null) {
            return false;
        }
        if (value == null || !option.has("enum") || value.startsWith("{{")) {
            return true;
        }
        for (JsonNode allowed : option.get("enum")) {
            if (allowed.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode option(String name) {
        JsonNode option = catalog.get("properties").get(name);
        return option != null ? option : catalog.get("componentProperties").get(name);
    }

    private static String camelCase(String kebab) {
        StringBuilder sb = new StringBuilder();
        for (String part : kebab.split("-")) {
            sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return sb.toString();
    }

    /** Calls {@code check} with each page and each match of {@code pattern} in it. */
    private static void forEach(Pattern pattern, BiConsumer<Path, Matcher> check) {
        pages.forEach((page, text) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                check.accept(page, m);
            }
        });
    }
}
