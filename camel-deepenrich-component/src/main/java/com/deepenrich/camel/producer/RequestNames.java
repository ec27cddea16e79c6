package com.deepenrich.camel.producer;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The name each bulk request is sent with: the user's name (or the generated one) and a short random suffix, e.g.
 * {@code Sales Q4 [2/3] #k3f9x2ab}. The user's name stays readable in DeepEnrich's dashboard; the whole name is the
 * request's key in the ledger, unique enough that the result, which carries it, matches its request even when the
 * answer with its enrichment id was lost.
 */
public final class RequestNames {

    private static final String MARK = " #";
    private static final int SUFFIX_LENGTH = 8;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern SUFFIX = Pattern.compile(Pattern.quote(MARK) + "[0-9a-z]{" + SUFFIX_LENGTH + "}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestNames() {
    }

    /** {@code name} with a new random suffix. */
    static String unique(String name) {
        char[] suffix = new char[SUFFIX_LENGTH];
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return name + MARK + new String(suffix);
    }

    /** The name a request was given before its suffix (the name of a pending enrichment, of a result). */
    public static String userName(String requestName) {
        return requestName == null ? null : SUFFIX.matcher(requestName).replaceFirst("");
    }
}
