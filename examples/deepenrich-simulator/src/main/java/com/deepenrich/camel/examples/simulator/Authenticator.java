package com.deepenrich.camel.examples.simulator;

import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} (the prefix in any case) against the accepted keys.
 */
final class Authenticator {

    private static final String BEARER = "bearer ";

    private final Set<String> apiKeys;

    Authenticator(Set<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    /** The API key of a valid header. */
    String authenticate(String authorization) throws ApiException {
        if (authorization == null || authorization.isBlank()) {
            throw ApiError.AUTHORIZATION_NOT_SET.exception();
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiError.AUTHORIZATION_NOT_BEARER.exception();
        }
        String apiKey = value.substring(BEARER.length()).strip();
        if (!apiKeys.contains(apiKey)) {
            throw ApiError.UNKNOWN_API_KEY.exception();
        }
        return apiKey;
    }
}
