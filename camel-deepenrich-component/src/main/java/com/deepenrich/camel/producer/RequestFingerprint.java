package com.deepenrich.camel.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two bulk requests the same job for DeepEnrich's billing: their contacts with their enrich fields, in
 * order. The request's name and callback URL are left out (a redelivery or a restart names it anew). The SHA-256
 * of the written {@code datas} array, read from the request's JSON as sent.
 */
final class RequestFingerprint {

    private static final byte[] DATAS_KEY = "\"datas\":".getBytes(StandardCharsets.US_ASCII);

    private RequestFingerprint() {
    }

    /**
     * {@code body}: a written BulkRequest, whose {@code datas} come last. Inside a JSON string a quote is escaped, so
     * the first unescaped {@code "datas":} is the key itself.
     */
    static String of(byte[] body) {
        int from = indexOf(body, DATAS_KEY);
        if (from < 0) {
            throw new IllegalStateException("a bulk request without datas");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body, from, body.length - from);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
