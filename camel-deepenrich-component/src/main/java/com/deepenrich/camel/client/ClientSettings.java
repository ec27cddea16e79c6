package com.deepenrich.camel.client;

import java.net.URI;
import java.time.Duration;

/**
 * What one {@link DeepEnrichClient} needs: where, which key, how long to wait, how to retry, and whether a
 * submission whose answer was lost is sent again blindly.
 */
public record ClientSettings(URI baseUrl, String apiKey, Duration requestTimeout, RetryPolicy retryPolicy,
                             boolean retryInDoubtSubmissions) {

    public ClientSettings(URI baseUrl, String apiKey, Duration requestTimeout, RetryPolicy retryPolicy) {
        this(baseUrl, apiKey, requestTimeout, retryPolicy, false);
    }

    public ClientSettings {
        String s = baseUrl.toString();
        if (s.endsWith("/")) {
            baseUrl = URI.create(s.substring(0, s.length() - 1));
        }
    }
}
