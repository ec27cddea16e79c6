import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;

/**
 * Writes {@code DeepEnrichComponentConfiguration}, the {@code camel.component.deepenrich.*} properties class, from
 * the component's catalog JSON on the classpath: one typed property per component option, its description as
 * Javadoc and its default as initializer, so that spring-boot-configuration-processor puts both in
 * {@code META-INF/spring-configuration-metadata.json}. Run by the build (exec:exec, Java's single-file launcher)
 * before compilation; the argument is the source folder to write into.
 * <p>
 * As in Camel's own starters, options of type duration become {@link java.time.Duration} here so that Spring
 * accepts {@code 15s}, {@code PT15S} and plain milliseconds; object options are set with a bean reference
 * ({@code #name}) and listed in {@code BEAN_REFERENCE_TYPES} for the starter's converter.
 */
public class GenerateComponentConfiguration {

    static final String CATALOG = "META-INF/com/deepenrich/camel/deepenrich.json";
    static final String PACKAGE = "com.deepenrich.camel.springboot";
    static final String CLASS = "DeepEnrichComponentConfiguration";

    /** Primitives and fully named wrappers as simple names (Spring's metadata processor gives a named wrapper 0). */
    private static final Map<String, String> BOXED = Map.of(
            "int", "Integer", "long", "Long", "boolean", "Boolean", "double", "Double", "float", "Float",
            "java.lang.Integer", "Integer", "java.lang.Long", "Long", "java.lang.Boolean", "Boolean");
    private static final Set<String> LITERAL_DEFAULTS = Set.of("Integer", "Boolean", "Double", "Float");

    public static void main(String[] args) throws IOException {
        JsonNode catalog;
        try (InputStream in = GenerateComponentConfiguration.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the classpath: build camel-deepenrich first");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        Path file = Path.of(args[0], PACKAGE.replace('.', '/'), CLASS + ".java");
        Files.createDirectories(file.getParent());
        String source = new GenerateComponentConfiguration().generate(catalog);
        if (!Files.exists(file) || !Files.readString(file).equals(source)) {
            Files.writeString(file, source, StandardCharsets.UTF_8);
        }
    }

    String generate(JsonNode catalog) {
        JsonNode component = catalog.path("component");
        String scheme = component.path("scheme").asText();
        List<String> fields = new ArrayList<>();
        List<String> accessors = new ArrayList<>();
        List<String> beanTypes = new ArrayList<>();
        catalog.path("componentProperties").properties().forEach(entry -> {
            Option option = new Option(entry.getKey(), entry.getValue());
            fields.add(option.field());
            accessors.add(option.accessors());
            if (option.isBeanReference()) {
                beanTypes.add(option.javaType + ".class");
            }
        });

        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n")
                .append("import java.time.Duration;\nimport java.util.List;\n\n")
                .append("import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n")
                .append("import org.springframework.boot.context.properties.ConfigurationProperties;\n\n")
                .append(javadoc("", component.path("description").asText()
                        + "\n\nGenerated from " + CATALOG + " by src/build/java/GenerateComponentConfiguration.java:"
                        + " do not edit."))
                // a misspelt property fails the start instead of being ignored
                .append("@ConfigurationProperties(prefix = \"camel.component.").append(scheme)
                .append("\", ignoreUnknownFields = false)\n")
                .append("public class ").append(CLASS).append(" extends ComponentConfigurationPropertiesCommon {\n\n")
                .append("    /** The types of the options set with a bean reference ({@code #name}). */\n")
                .append("    static final List<Class<?>> BEAN_REFERENCE_TYPES = List.of(")
                .append(String.join(", ", beanTypes)).append(");\n\n")
                .append(javadoc("    ", "Whether to enable auto configuration of the " + scheme
                                       + " component. This is enabled by default."))
                .append("    private Boolean enabled;\n");
        fields.forEach(out::append);
        accessors.forEach(out::append);
        return out.append("}\n").toString();
    }

    static String javadoc(String indent, String text) {
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        for (String line : text.replace("*/", "*&#47;").split("\n", -1)) {
            doc.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        return doc.append(indent).append(" */\n").toString();
    }

    static final class Option {
        final String name;
        final String kind;
        final String javaType;
        final String description;
        final String defaultValue;
        final boolean isEnum;

        Option(String name, JsonNode json) {
            this.name = name;
            this.kind = json.path("type").asText();
            this.javaType = json.path("javaType").asText();
            this.description = json.path("description").asText();
            this.defaultValue = json.hasNonNull("defaultValue") ? json.path("defaultValue").asText() : null;
            this.isEnum = json.has("enum");
        }

        boolean isBeanReference() {
            return "object".equals(kind) && !isEnum;
        }

        String type() {
            if ("duration".equals(kind)) {
                return "Duration";
            }
            return BOXED.getOrDefault(javaType, javaType);
        }

        String field() {
            String doc = description;
            if (isBeanReference()) {
                doc += " The option is a " + javaType + " type: refer to a bean with #name.";
            }
            return "\n" + javadoc("    ", doc) + "    private " + type() + " " + name + initializer() + ";\n";
        }

        private String initializer() {
            if (defaultValue == null || defaultValue.isEmpty()) {
                return "";
            }
            String type = type();
            if ("Duration".equals(type)) {
                return " = " + durationLiteral(TimeUtils.toMilliSeconds(defaultValue));
            } else if ("java.lang.String".equals(type)) {
                return " = \"" + defaultValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            } else if ("Long".equals(type)) {
                return " = " + defaultValue + "L";
            } else if (LITERAL_DEFAULTS.contains(type)) {
                return " = " + defaultValue;
            } else if (isEnum) {
                return " = " + javaType + "." + defaultValue;
            }
            return "";
        }

        /** The largest whole unit, so that the metadata shows 10m rather than 600000ms. */
        static String durationLiteral(long millis) {
            long[] sizes = { 86_400_000L, 3_600_000L, 60_000L, 1_000L };
            String[] units = { "Days", "Hours", "Minutes", "Seconds" };
            for (int i = 0; i < sizes.length; i++) {
                if (millis != 0 && millis % sizes[i] == 0) {
                    return "Duration.of" + units[i] + "(" + millis / sizes[i] + ")";
                }
            }
            return "Duration.ofMillis(" + millis + ")";
        }

        String accessors() {
            String property = StringHelper.capitalize(name);
            String type = type();
            return "\n    public " + type + " get" + property + "() {\n        return " + name + ";\n    }\n\n"
                   + "    public void set" + property + "(" + type + " " + name + ") {\n        this." + name
                   + " = " + name + ";\n    }\n";
        }
    }
}
