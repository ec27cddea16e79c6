package com.deepenrich.camel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OSGi headers bnd writes (bnd-process) into the manifest that the component jar is packaged with: every package
 * of the component is exported, and every import is versioned, on the classpath and in range, or optional.
 */
class BundleManifestTest {

    private static final List<String> TEST_ONLY_PACKAGES = List.of("com.github.tomakehurst", "org.wiremock",
            "org.junit", "org.apache.camel.test", "org.apache.camel.component.sql",
            "org.apache.camel.component.platform", "io.vertx", "org.slf4j.simple");

    private static Path classes;
    private static Attributes headers;

    @BeforeAll
    static void readManifest() throws IOException, URISyntaxException {
        classes = Path.of(DeepEnrichComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            headers = new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void isABundle() {
        assertEquals("2", headers.getValue("Bundle-ManifestVersion"));
        assertEquals("com.deepenrich.camel.camel-deepenrich", headers.getValue("Bundle-SymbolicName"));
        assertNotNull(headers.getValue("Bundle-Version"));
    }

    @Test
    void exportsEveryPackageOfTheComponent() throws IOException {
        Map<String, Map<String, String>> exports = clauses("Export-Package");
        Set<String> packages;
        try (Stream<Path> files = Files.walk(classes.resolve("com/deepenrich/camel"))) {
            packages = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toSet());
        }
        assertTrue(packages.contains("com.deepenrich.camel.producer"), packages.toString());
        for (String pkg : packages) {
            assertTrue(exports.containsKey(pkg), pkg + " is exported: " + exports.keySet());
            assertNotNull(exports.get(pkg).get("version"), pkg + " is exported with a version");
        }
        assertEquals(packages, exports.keySet(), "nothing but the component's packages is exported");
    }

    @Test
    void importsCamelAndJacksonInTheirMajorVersionFromTheBuiltOne() throws IOException {
        Map<String, Map<String, String>> imports = clauses("Import-Package");
        String camel = mavenVersion("org.apache.camel", "camel-api");
        String jackson = mavenVersion("com.fasterxml.jackson.core", "jackson-databind");
        imports.forEach((pkg, attributes) -> {
            if (pkg.startsWith("org.apache.camel")) {
                assertEquals("[4.18,5)", attributes.get("version"), pkg);
                assertTrue(inRange(camel, attributes.get("version")), pkg + ": Camel " + camel);
            } else if (pkg.startsWith("com.fasterxml.jackson.")) {
                assertEquals("[2.19,3)", attributes.get("version"), pkg);
                assertTrue(inRange(jackson, attributes.get("version")), pkg + ": Jackson " + jackson);
            }
        });
        assertTrue(imports.containsKey("org.apache.camel.support"), imports.keySet().toString());
        assertTrue(imports.containsKey("com.fasterxml.jackson.databind"), imports.keySet().toString());
    }

    @Test
    void everyImportIsResolvableOrOptional() {
        Map<String, Map<String, String>> imports = clauses("Import-Package");
        assertEquals("optional", imports.get("javax.sql").get("resolution:"),
                "only the JDBC ledger uses javax.sql");
        imports.keySet().stream().filter(pkg -> pkg.startsWith("org.h2"))
                .forEach(pkg -> assertEquals("optional", imports.get(pkg).get("resolution:"),
                        pkg + ": only the file ledger uses H2"));
        assertTrue(imports.containsKey("org.h2.jdbcx"), imports.keySet().toString());
        imports.forEach((pkg, attributes) -> {
            assertFalse(pkg.startsWith("java."), pkg + ": the JDK's packages need no import");
            assertFalse(pkg.startsWith("com.deepenrich"), pkg + ": the component does not import itself");
            TEST_ONLY_PACKAGES.forEach(test -> assertFalse(pkg.startsWith(test), pkg + " is a test dependency"));
            if (pkg.startsWith("javax.")) {
                assertTrue(ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(pkg)),
                        pkg + " is the JDK's (the framework's system bundle exports it)");
            } else {
                assertNotNull(attributes.get("version"), pkg + " has a version range");
                // H2's jar lists no directories: its optional packages are not looked up
                assertTrue("optional".equals(attributes.get("resolution:"))
                           || getClass().getClassLoader().getResource(pkg.replace('.', '/')) != null,
                        pkg + " is provided by a dependency");
            }
        });
    }

    /** Whether a version lies in an OSGi range of the form [floor,ceiling). */
    private static boolean inRange(String version, String range) {
        String[] bounds = range.substring(1, range.length() - 1).split(",");
        return compare(version, bounds[0]) >= 0 && compare(version, bounds[1]) < 0;
    }

    private static int compare(String version, String bound) {
        String[] v = version.split("[.-]");
        String[] b = bound.split("\\.");
        for (int i = 0; i < b.length; i++) {
            int diff = Integer.parseInt(v[i]) - Integer.parseInt(b[i]);
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    private static String mavenVersion(String groupId, String artifactId) throws IOException {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = BundleManifestTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        }
    }

    /** An OSGi header's clauses: package name to its attributes and directives (a directive's name ends in ':'). */
    private static Map<String, Map<String, String>> clauses(String header) {
        String value = headers.getValue(header);
        assertNotNull(value, header);
        Map<String, Map<String, String>> clauses = new LinkedHashMap<>();
        for (String clause : splitOutsideQuotes(value, ',')) {
            List<String> parts = splitOutsideQuotes(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                boolean directive = part.contains(":=");
                String[] nameValue = part.split(directive ? ":=" : "=", 2);
                attributes.put(nameValue[0].trim() + (directive ? ":" : ""), nameValue[1].replace("\"", "").trim());
            }
            clauses.put(parts.get(0).trim(), attributes);
        }
        return clauses;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
