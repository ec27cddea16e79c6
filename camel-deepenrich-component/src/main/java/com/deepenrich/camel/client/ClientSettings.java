package com.deepenrich.camel.client;

import java.net.URI;
import java.time.Duration;

/** What one {@link DeepEnrichClient} needs: where, which key, how long to wait, how to retry. */
public record ClientSettings(URI baseUrl, String apiKey, Duration requestTimeout, RetryPolicy retryPolicy) {

    public ClientSettings {
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }
}
