package com.deepenrich.camel.examples.simulator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code GET /account/keys/verify}: a workspace id derived from the key, stable across runs.
 */
final class VerifyKeyEndpoint implements Endpoint {

    record Response(String workspaceId) {
    }

    @Override
    public Object handle(ApiRequest request) {
        byte[] seed = ("deepenrich-simulator workspace " + request.apiKey()).getBytes(StandardCharsets.UTF_8);
        return new Response(UUID.nameUUIDFromBytes(seed).toString());
    }
}
