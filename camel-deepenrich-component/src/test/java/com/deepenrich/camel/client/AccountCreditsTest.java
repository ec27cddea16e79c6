package com.deepenrich.camel.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.metrics.DeepEnrichMetrics;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** After a 402, the balance is read at most once a minute, and sending resumes by itself once it is positive. */
class AccountCreditsTest {

    private final WireMockServer api = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        api.stop();
        scheduler.shutdownNow();
    }

    @Test
    void sendingResumesOnceTheBalanceIsPositiveReadAtMostOnceAMinute() {
        api.start();
        api.stubFor(get(urlEqualTo("/api/v1/account/credits")).inScenario("topped up")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"balance\": 0}")).willSetStateTo("paid"));
        api.stubFor(get(urlEqualTo("/api/v1/account/credits")).inScenario("topped up")
                .whenScenarioStateIs("paid").willReturn(okJson("{\"balance\": 500}")));
        DeepEnrichClient client = new DeepEnrichClient(HttpClient.newHttpClient(), Runnable::run,
                new ClientSettings(URI.create("http://127.0.0.1:" + api.port() + "/api/v1"), "key",
                        Duration.ofSeconds(5), new RetryPolicy(0, 10, 10)),
                new RateLimiter(0, scheduler), scheduler, new DeepEnrichMetrics());
        AtomicLong now = new AtomicLong(1_000_000);
        AccountCredits credits = new AccountCredits(0, now::get);

        credits.exhausted();
        refused(credits, client, "within the minute: no request");
        now.addAndGet(60_000);
        refused(credits, client, "the balance, read once, is 0");
        now.addAndGet(30_000);
        refused(credits, client, "read a minute ago: no request");
        now.addAndGet(30_000);
        credits.ensureCredits(client, "job").join();

        assertFalse(credits.isExhausted());
        assertEquals(2, api.findAll(getRequestedFor(urlEqualTo("/api/v1/account/credits"))).size());
    }

    private static void refused(AccountCredits credits, DeepEnrichClient client, String why) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> credits.ensureCredits(client, "job").join(), why);
        assertInstanceOf(DeepEnrichInsufficientCreditsException.class, e.getCause(), why);
    }
}
