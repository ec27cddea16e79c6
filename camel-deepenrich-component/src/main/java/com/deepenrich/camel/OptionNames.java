package com.deepenrich.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The option names of the component and of its endpoints, from the catalog the build generates, to name the one a
 * misspelt option was meant to be.
 */
public final class OptionNames {

    static final OptionNames COMPONENT = load("componentProperties");
    static final OptionNames ENDPOINT = load("properties");

    private static final String CATALOG = "META-INF/com/deepenrich/camel/deepenrich.json";

    private final List<String> names;

    private OptionNames(List<String> names) {
        this.names = names;
    }

    /**
     * The component option closest to a name it does not have ({@code requests-per-minut} -> {@code requestsPerMinute});
     * for the Spring Boot starter's message on a misspelt property.
     */
    public static Optional<String> closestComponentOption(String name) {
        return COMPONENT.closestTo(name);
    }

    /**
     * The known option closest to {@code unknown}, ignoring case and dashes ({@code requests-per-minut} ->
     * {@code requestsPerMinute}); none when every known name is further than half its length.
     */
    Optional<String> closestTo(String unknown) {
        String typed = canonical(unknown);
        return names.stream().min(Comparator.comparingInt(name -> distance(typed, canonical(name))))
                .filter(name -> distance(typed, canonical(name)) <= Math.max(2, typed.length() / 2));
    }

    /** {@code "name (did you mean requestsPerMinute?)"}, or the name alone when nothing is close. */
    String describeUnknown(String unknown) {
        return unknown + closestTo(unknown).map(name -> " (did you mean " + name + "?)").orElse("");
    }

    private static String canonical(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance: the fewest single-character edits from one to the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static OptionNames load(String section) {
        try (InputStream in = OptionNames.class.getClassLoader().getResourceAsStream(CATALOG)) {
            JsonNode options = new ObjectMapper().readTree(in).path(section);
            List<String> names = new ArrayList<>();
            options.fieldNames().forEachRemaining(names::add);
            return new OptionNames(List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CATALOG, e);
        }
    }
}
