package com.deepenrich.camel;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.util.TimeUtils;

/**
 * Numbers in an endpoint URI or a component property, checked before Camel binds them. Camel reads an int or long
 * option as a duration first, and a text that is none ({@code maxRetries=five}, {@code pollFallbackAfter=ten}, a
 * Kamelet parameter with a typo, {@code camel.component.deepenrich.requests-per-minute=ten}) becomes 0 without a
 * word; for {@code maxRetries}, {@code pollFallbackAfter} or {@code fingerprintWindow}, 0 switches a safety net off.
 * Here such a value fails the endpoint's creation, or the application's start, naming the option.
 */
final class OptionValues {

    private static final Pattern INTEGER = Pattern.compile("\\d+");
    private static final List<String> SECRETS = List.of("apiKey", "callbackToken");
    private static final DeepEnrichEndpointConfigurer OPTIONS = new DeepEnrichEndpointConfigurer();

    private OptionValues() {
    }

    static void checkNumbers(String uri, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> check(name, value, OPTIONS.getOptionType(name, true), " of " + uri));
    }

    /**
     * Refuses a text that the int or long option {@code name} of type {@code type} cannot read as it means; {@code where}
     * ends the message (the endpoint's URI, or the component).
     */
    static void check(String name, Object value, Class<?> type, String where) {
        if (!(value instanceof String text) || text.startsWith("#")) {
            return;
        }
        String trimmed = text.trim();
        if ((type == int.class || type == Integer.class) && !INTEGER.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Option " + name + "=" + text + where
                                               + " is not a whole number of 0 or more");
        }
        if ((type == long.class || type == Long.class) && !isDuration(trimmed)) {
            throw new IllegalArgumentException("Option " + name + "=" + text + where
                                               + " is not a duration (milliseconds, or 10s, 5m, 1h30m)");
        }
    }

    /**
     * An empty {@code apiKey} or {@code callbackToken} on an endpoint means the component's. A Kamelet passes a secret
     * it was not given as an empty {@code RAW()}: its optional form, {@code RAW({{?apiKey}})}, cannot be used, since
     * an unresolved optional placeholder makes Camel re-encode the whole URI, which the webhook component, reading
     * its URI raw, then passes on still encoded (its path loses its leading slash).
     */
    static void inheritEmptySecrets(Map<String, Object> parameters) {
        for (String secret : SECRETS) {
            if (parameters.get(secret) instanceof String text && text.isEmpty()) {
                parameters.remove(secret);
            }
        }
    }

    /** A number, or a text Camel reads as a duration of more than 0 ms ({@code 10s}, {@code 5m}, {@code 1m30s}). */
    private static boolean isDuration(String text) {
        if (INTEGER.matcher(text).matches()) {
            return true;
        }
        try {
            return TimeUtils.toMilliSeconds(text) > 0;
        } catch (RuntimeException e) { // "soon" fails with a StringIndexOutOfBoundsException
            return false;
        }
    }

    /** An option that must be at least 1. */
    static <N extends Number> N positive(String name, N value) {
        if (value.longValue() < 1) {
            throw new IllegalArgumentException("The deepenrich option " + name + " must be 1 or more, not " + value);
        }
        return value;
    }
}
