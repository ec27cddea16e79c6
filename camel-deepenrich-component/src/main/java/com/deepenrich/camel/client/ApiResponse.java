package com.deepenrich.camel.client;

import java.util.Optional;

/** An HTTP answer of the API: status, body and the Retry-After header when present. */
public record ApiResponse(int status, byte[] body, Optional<String> retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
