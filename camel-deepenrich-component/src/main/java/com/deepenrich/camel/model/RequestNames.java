package com.deepenrich.camel.model;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name each bulk request is sent with: the user's name (or the generated one) and a short random suffix, e.g.
 * {@code Sales Q4 [2/3] #k3f9x2ab}. The user's name stays readable in DeepEnrich's dashboard; the suffix is the
 * request's key: known before the request is sent and returned with its result, it is what the ledger keeps
 * everything of a request under (its record on the wire, the people it holds, its credits reservation), so a result
 * finds all of it whether or not the answer with its enrichment id came first.
 */
public final class RequestNames {

    private static final String MARK = " #";
    private static final int SUFFIX_LENGTH = 8;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern SUFFIX = Pattern
            .compile(Pattern.quote(MARK) + "([0-9a-z]{" + SUFFIX_LENGTH + "})\\s*$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestNames() {
    }

    /** A new request key: {@value #SUFFIX_LENGTH} random characters. */
    public static String newKey() {
        char[] suffix = new char[SUFFIX_LENGTH];
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(suffix);
    }

    /** The name a request of key {@code key} is sent with. */
    public static String named(String name, String key) {
        return name + MARK + key;
    }

    /** {@code name} with a new random suffix. */
    public static String unique(String name) {
        return named(name, newKey());
    }

    /** The key a request name carries (its suffix), or null when it carries none. */
    public static String keyOf(String requestName) {
        if (requestName == null) {
            return null;
        }
        Matcher m = SUFFIX.matcher(requestName);
        return m.find() ? m.group(1) : null;
    }

    /** The name a request was given before its suffix (the name of a pending enrichment, of a result). */
    public static String userName(String requestName) {
        return requestName == null ? null : SUFFIX.matcher(requestName).replaceFirst("");
    }
}
