package com.deepenrich.camel.callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.deepenrich.camel.DeepEnrichConfiguration;

/**
 * The secret that authenticates a webhook delivery: {@code callbackToken}, or by default one derived from the API key
 * with HMAC-SHA256, so that every node holding the key agrees on it with no configuration while the key itself never
 * travels. The producer appends it to the callback URL as query parameter {@code token}; the webhook requires it.
 */
public final class CallbackToken {

    public static final String PARAMETER = "token";
    private static final String DERIVATION_LABEL = "deepenrich-callback";

    private CallbackToken() {
    }

    /** The token deliveries must carry, or null when {@code callbackAuthentication} is off. */
    public static String expected(DeepEnrichConfiguration cfg) {
        if (!cfg.isCallbackAuthentication()) {
            return null;
        }
        if (cfg.getCallbackToken() != null && !cfg.getCallbackToken().isEmpty()) {
            return cfg.getCallbackToken();
        }
        if (cfg.getApiKey() == null || cfg.getApiKey().isBlank()) {
            throw new IllegalArgumentException("The webhook's callback token is derived from the apiKey option, which "
                                               + "is not set: set apiKey or callbackToken");
        }
        return derive(cfg.getApiKey());
    }

    /** HMAC-SHA256 of "deepenrich-callback" keyed with the API key, base64url without padding (URL-safe as is). */
    public static String derive(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Constant-time comparison (no early exit on the first differing byte). */
    public static boolean matches(String given, String expected) {
        return given != null
               && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                       expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Every value of query parameter {@code token} (exact name) in a raw query string, decoded. */
    public static List<String> fromQuery(String rawQuery) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (PARAMETER.equals(name)) {
                values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
