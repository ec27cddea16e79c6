package com.deepenrich.camel.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichConstants;
import com.deepenrich.camel.DeepEnrichValidationException;

/**
 * The {@code webhook_url} a bulk request carries: {@code callbackUrl}, or the message's header
 * {@code CamelDeepEnrichCallbackUrl} when it points at a trusted origin (that of {@code callbackUrl} or one of
 * {@code callbackUrlAllowList}), with the callback token appended. A header naming any other origin fails the
 * exchange: DeepEnrich would deliver the results, and the token, wherever a message says.
 */
public final class CallbackUrl {

    private CallbackUrl() {
    }

    /** The webhook URL for a request named {@code requestName}, or null when there is none (results are polled). */
    public static String forRequest(String fromHeader, DeepEnrichConfiguration cfg, String requestName) {
        boolean given = fromHeader != null && !fromHeader.isBlank();
        String url = given ? fromHeader : cfg.getCallbackUrl();
        if (url == null || url.isBlank()) {
            return null;
        }
        if (given) {
            String origin = origin(fromHeader);
            if (origin == null) {
                throw refused(fromHeader, "it is not an http(s) URL with a host", requestName);
            }
            if (!trusted(origin, cfg, requestName)) {
                throw refused(fromHeader, origin + " is neither the origin of callbackUrl nor listed in "
                                          + "callbackUrlAllowList",
                        requestName);
            }
        }
        String token = CallbackToken.expected(cfg);
        if (token == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + CallbackToken.PARAMETER + "="
               + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static boolean trusted(String origin, DeepEnrichConfiguration cfg, String requestName) {
        if (cfg.getCallbackUrl() != null && origin.equals(origin(cfg.getCallbackUrl()))) {
            return true;
        }
        if (cfg.getCallbackUrlAllowList() == null) {
            return false;
        }
        for (String entry : cfg.getCallbackUrlAllowList().split(",")) {
            String allowed = origin(entry);
            if (allowed == null && !entry.isBlank()) {
                throw new DeepEnrichValidationException("callback.url.allow.list", "callbackUrlAllowList entry '"
                                                                                   + entry.trim() + "' is no origin "
                                                                                   + "(scheme://host[:port])",
                        0, requestName, null);
            }
            if (origin.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** scheme://host:port, lower case, the port made explicit; null when {@code url} is no http(s) URL with a host. */
    static String origin(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The refusal names the URL without its query, which may hold a secret. */
    private static DeepEnrichValidationException refused(String url, String why, String requestName) {
        int query = url.indexOf('?');
        String shown = query < 0 ? url : url.substring(0, query);
        shown = shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
        return new DeepEnrichValidationException("callback.url.refused", "header " + DeepEnrichConstants.CALLBACK_URL
                                                                         + " '" + shown + "' refused: " + why
                                                                         + "; nothing was sent",
                0, requestName, null);
    }
}
