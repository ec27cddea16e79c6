package com.deepenrich.camel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Endpoint URIs as they may be shown: in logs, metric tags, health-check details, the dev console. Secrets are left
 * out, and values read as written ({@code callbackUrl=http://...}), not in the encoded form Camel keeps the URI in.
 */
final class EndpointNames {

    private static final Set<String> SECRETS = Set.of("apikey", "callbacktoken", "proxyusername", "proxypassword");

    private EndpointNames() {
    }

    static String withoutSecrets(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        String shown = Arrays.stream(uri.substring(query + 1).split("&"))
                .filter(parameter -> !SECRETS.contains(name(parameter).toLowerCase(Locale.ROOT)))
                .map(EndpointNames::decoded)
                .collect(Collectors.joining("&"));
        return shown.isEmpty() ? uri.substring(0, query) : uri.substring(0, query) + "?" + shown;
    }

    private static String name(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    private static String decoded(String parameter) {
        try {
            return URLDecoder.decode(parameter, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return parameter;
        }
    }
}
