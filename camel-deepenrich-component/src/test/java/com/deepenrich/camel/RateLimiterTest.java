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

/** The client-side rate limit spaces requests evenly, as the API receives them. */
class RateLimiterTest extends ProducerTestSupport {

    private static final String CREDITS_PATH = "/api/v1/account/credits";

    @Test
    void requestsPerMinuteSpacesConcurrentCallsEvenly() throws Exception {
        api.server.stubFor(get(urlEqualTo(CREDITS_PATH)).willReturn(okJson("{\"balance\": 1}")));
        // the JDK client's very first request in a JVM is slowed by class loading, after the limiter let it go
        template.requestBody("deepenrich:getCredits", (Object) null);
        api.server.resetRequests();

        long before = System.currentTimeMillis();
        List<CompletableFuture<Object>> calls = IntStream.range(0, 4)
                .mapToObj(i -> template.asyncRequestBody("deepenrich:getCredits?requestsPerMinute=120", null))
                .toList();
        for (CompletableFuture<Object> call : calls) {
            assertEquals(1L, call.get(10, TimeUnit.SECONDS));
        }

        // the k-th turn is handed out no sooner than k intervals after the first, which came after `before`; a request
        // reaches the API after its turn, however late a loaded machine delivers it (WireMock logs milliseconds)
        List<LoggedRequest> requests = api.requests(getRequestedFor(urlEqualTo(CREDITS_PATH)));
        assertEquals(4, requests.size());
        for (int k = 1; k < requests.size(); k++) {
            long sinceCalls = requests.get(k).getLoggedDate().getTime() - before;
            assertTrue(sinceCalls >= k * 500L - 1, "120 requests a minute: request " + k + " may leave " + k * 500
                                                   + " ms after the calls at the earliest, but came after " + sinceCalls
                                                   + " ms");
        }
    }
}
