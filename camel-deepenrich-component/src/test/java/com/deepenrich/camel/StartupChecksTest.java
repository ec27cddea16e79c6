package com.deepenrich.camel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the component says and refuses at start and stop: numbers Camel would read as 0, the options that took
 * effect, a webhook on a generated path, enrichments an in-memory ledger loses.
 */
class StartupChecksTest {

    private final WireMockApi api = new WireMockApi();
    private final CamelContext camel = new DefaultCamelContext();

    StartupChecksTest() {
        camel.addComponent("deepenrich", api.component());
    }

    @AfterEach
    void stop() {
        camel.stop();
        api.close();
    }

    @Test
    void aRetryCountThatIsNoNumberIsRefusedNamingTheOption() {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("deepenrich:bulk?maxRetries=five"));

        assertTrue(e.getCause().getMessage().contains("Option maxRetries=five of deepenrich://bulk"), e.getMessage());
    }

    @Test
    void aFallbackThatIsNoDurationIsRefusedThroughAPlaceholderToo() {
        Properties properties = new Properties();
        properties.setProperty("fallback", "ten");
        camel.getPropertiesComponent().setInitialProperties(properties);

        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> camel.getEndpoint("deepenrich:results?pollFallbackAfter={{fallback}}"));

        assertTrue(e.getCause().getMessage().contains("pollFallbackAfter=ten"), e.getMessage());
    }

    @Test
    void durationsCamelReadsAndAnExplicitZeroAreTaken() {
        DeepEnrichEndpoint endpoint = camel.getEndpoint("deepenrich:results?pollFallbackAfter=10s&maxRetries=0",
                DeepEnrichEndpoint.class);

        assertEquals(10_000, endpoint.getConfiguration().getPollFallbackAfter());
        assertEquals(0, endpoint.getConfiguration().getMaxRetries());
    }

    @Test
    void anEmptySecretOnAnEndpointLeavesTheComponentsInPlace() {
        camel.getComponent("deepenrich", DeepEnrichComponent.class).getConfiguration()
                .setCallbackToken("component-token");

        DeepEnrichEndpoint endpoint = camel.getEndpoint("deepenrich:results?apiKey=RAW()&callbackToken=RAW()",
                DeepEnrichEndpoint.class);
        DeepEnrichEndpoint own = camel.getEndpoint("deepenrich:results?apiKey=RAW(own+key)&callbackToken=own",
                DeepEnrichEndpoint.class);

        assertEquals(WireMockApi.API_KEY, endpoint.getConfiguration().getApiKey());
        assertEquals("component-token", endpoint.getConfiguration().getCallbackToken());
        assertEquals("own+key", own.getConfiguration().getApiKey());
        assertEquals("own", own.getConfiguration().getCallbackToken());
    }

    @Test
    void eachEndpointLogsTheOptionsThatTookEffectOnOneLine() throws Exception {
        try (LogCapture log = new LogCapture()) {
            camel.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:in").to("deepenrich:bulk?maxRetries=0&fingerprintWindow=0&apiKey=secret-key"
                                         + "&callbackUrl=http://127.0.0.1:8085/deepenrich/results?tenant=a b");
                }
            });
            camel.start();

            List<String> lines = log.lines("INFO com.deepenrich.camel.DeepEnrichEndpoint - deepenrich://bulk");
            assertEquals(1, lines.size(), String.join("\n", lines));
            String line = lines.get(0);
            assertTrue(line.contains("maxRetries=0 (no retry)") && line.contains("fingerprintWindow=0 (off)")
                       && line.contains("maxPendingBatches=4") && line.contains("requestsPerMinute=0 (no limit)")
                       && line.contains("maxConcurrentRequests=10"),
                    line);
            assertTrue(!line.contains("secret-key"), line);
            assertTrue(line.contains("callbackUrl=http://127.0.0.1:8085/deepenrich/results?tenant=a b"),
                    "the URL as written, not encoded: " + line);
        }
    }

    @Test
    void aWebhookOnAGeneratedPathWithACallbackUrlIsWarnedAbout() throws Exception {
        List<String> warnings = startWebhook("");

        assertEquals(1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).contains("webhook:deepenrich://results")
                   && warnings.get(0).contains("add webhookPath=/deepenrich/results"),
                warnings.get(0));
    }

    @Test
    void aWebhookWithItsPathIsNot() throws Exception {
        assertEquals(List.of(), startWebhook("&webhookPath=/deepenrich/results"));
    }

    private List<String> startWebhook(String options) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(AvailablePortFinder.getNextAvailable());
        camel.addService(new VertxPlatformHttpServer(server));
        try (LogCapture log = new LogCapture()) {
            camel.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("direct:in").to("deepenrich:bulk?callbackUrl=https://my.host/deepenrich/results");
                    from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                         + options).to("log:results");
                }
            });
            camel.start();
            return log.lines("WARN com.deepenrich.camel.WebhookPathCheck");
        }
    }

    @Test
    void enrichmentsPendingInTheInMemoryLedgerAreWarnedAboutAtStop() throws Exception {
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:in").to("deepenrich:bulk");
            }
        });
        camel.start();
        camel.getComponent("deepenrich", DeepEnrichComponent.class).defaultLedger()
                .record(new PendingEnrichment("e-1", "n", Instant.now(), 1));
        try (LogCapture log = new LogCapture()) {
            camel.stop();

            List<String> warnings = log.lines("WARN com.deepenrich.camel.DeepEnrichComponent");
            assertEquals(1, warnings.size(), String.join("\n", warnings));
            assertTrue(warnings.get(0).contains("1 enrichments still pending in the in-memory ledger of "
                                                + "deepenrich://bulk"),
                    warnings.get(0));
        }
    }

    @Test
    void enrichmentsPendingInAFileLedgerSetAsTheGuideShowsAreNotWarnedAboutAtStop(@TempDir Path dir)
            throws Exception {
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                // deepenrich-component.adoc, "Ledger and scale-out", with the test's directory
                DeepEnrichComponent deepenrich = getContext().getComponent("deepenrich", DeepEnrichComponent.class);
                deepenrich.getConfiguration().setLedger(new FileDeepEnrichLedger(dir.resolve("deepenrich-ledger")));

                from("direct:in").to("deepenrich:bulk");
            }
        });
        camel.start();
        camel.getComponent("deepenrich", DeepEnrichComponent.class).getConfiguration().getLedger()
                .record(new PendingEnrichment("e-1", "n", Instant.now(), 1));
        try (LogCapture log = new LogCapture()) {
            camel.stop();

            assertEquals(List.of(), log.lines("WARN com.deepenrich.camel.DeepEnrichComponent"));
        }
        assertTrue(new FileDeepEnrichLedger(dir.resolve("deepenrich-ledger")).find("e-1").isPresent(),
                "kept for the next start");
    }
}
