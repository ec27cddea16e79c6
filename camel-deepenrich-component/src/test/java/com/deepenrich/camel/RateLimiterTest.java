package com.deepenrich.camel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client-side rate limit spaces requests evenly, as measured by the API. */
class RateLimiterTest extends ProducerTestSupport {

    private static final String CREDITS_PATH = "/api/v1/account/credits";

    @Test
    void requestsPerMinuteSpacesConcurrentCallsEvenly() throws Exception {
        api.server.stubFor(get(urlEqualTo(CREDITS_PATH)).willReturn(okJson("{\"balance\": 1}")));
        // the JDK client's very first request in a JVM is slowed by class loading, after the limiter let it go
        template.requestBody("deepenrich:getCredits", (Object) null);
        api.server.resetRequests();

        List<CompletableFuture<Object>> calls = IntStream.range(0, 4)
                .mapToObj(i -> template.asyncRequestBody("deepenrich:getCredits?requestsPerMinute=120", null))
                .toList();
        for (CompletableFuture<Object> call : calls) {
            assertEquals(1L, call.get(10, TimeUnit.SECONDS));
        }

        List<LoggedRequest> requests = api.requests(getRequestedFor(urlEqualTo(CREDITS_PATH)));
        assertEquals(4, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            long gap = requests.get(i).getLoggedDate().getTime() - requests.get(i - 1).getLoggedDate().getTime();
            assertTrue(gap >= 450, "120 requests a minute leave 500 ms apart, but request " + i + " came " + gap
                                   + " ms after the previous one");
        }
    }
}
