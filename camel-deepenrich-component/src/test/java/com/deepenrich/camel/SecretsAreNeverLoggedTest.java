package com.deepenrich.camel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.deepenrich.camel.callback.CallbackToken;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log line (slf4j-simple writes to System.err) from Camel's start to its stop, through refused, accepted and
 * foreign deliveries and a refused and an accepted bulk: none holds the API key, the callback token or the token
 * derived from the key.
 */
class SecretsAreNeverLoggedTest extends WebhookTestSupport {

    private static final String KEY = "key-Zq7+w&x%";
    private static final String TOKEN = "tok-Pm4+y&z%";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private PrintStream stderr;

    @Override
    protected void doPreSetup() throws Exception {
        stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(stderr, logged), true, StandardCharsets.UTF_8));
        super.doPreSetup();
    }

    @Override
    protected void doPostTearDown() throws Exception {
        super.doPostTearDown();
        System.setErr(stderr);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(WEBHOOK + "&apiKey=RAW(" + KEY + ")&callbackToken=RAW(" + TOKEN + ")").routeId("results")
                        .to("mock:results");
                from(WEBHOOK.replace("/deepenrich/results", "/deepenrich/derived") + "&apiKey=RAW(" + KEY + ")")
                        .to("mock:results");
                from("direct:bulk").to("deepenrich:bulk?apiKey=RAW(" + KEY + ")&callbackToken=RAW(" + TOKEN + ")"
                                       + "&callbackUrl=http://127.0.0.1:" + port + "/deepenrich/results");
            }
        };
    }

    @Test
    void noLogLineHoldsTheKeyOrAToken() throws Exception {
        String derived = CallbackToken.derive(KEY);
        assertEquals(401, deliver("?token=wrong", finished("id-1")).statusCode());
        assertEquals(401, send(request("", finished("id-1")).header("token", TOKEN)).statusCode());
        assertEquals(200, deliver("?token=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8),
                finished("id-1")).statusCode());
        assertEquals(200, send(post("/deepenrich/derived?token=" + derived, finished("id-2"))).statusCode());
        api.acceptBulkWithIdOfFirstSeq();
        assertTrue(template.send("direct:bulk", e -> {
            e.getMessage().setBody(List.of(WireMockApi.contact(1)));
            e.getMessage().setHeader(DeepEnrichConstants.CALLBACK_URL, "http://127.0.0.1:1/evil?token=" + TOKEN);
        }).isFailed());
        template.sendBody("direct:bulk", List.of(WireMockApi.contact(2)));
        assertEquals(1, api.bulkRequests().size());
        context.stop();

        String lines = logged.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("Webhook refused with 401"), "the scenario was logged:\n" + lines);
        assertTrue(lines.contains("CamelDeepEnrichForeign"), "the foreign results were logged");
        for (String secret : List.of(KEY, TOKEN, derived, "Zq7", "Pm4")) {
            assertFalse(lines.contains(secret), "a log line holds " + secret + ":\n" + lines);
        }
    }

    /** Writes to both streams. */
    private static final class TeeStream extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
