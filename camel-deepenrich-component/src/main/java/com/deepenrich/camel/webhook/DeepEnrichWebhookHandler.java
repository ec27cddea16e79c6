package com.deepenrich.camel.webhook;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.callback.CallbackToken;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.util.ResultEmitter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives DeepEnrich's webhook POSTs ({@code from("webhook:deepenrich:results?...")}). Checks the callback token
 * ({@link CallbackToken}) from query parameter {@code token} alone, in constant time (401), caps the body while
 * reading it (413), refuses what is no result (400), emits each (enrichment id, status) once, results the ledger does
 * not hold as {@code foreignResults} says, and answers 2xx only after the route processed it (5xx otherwise, so
 * DeepEnrich delivers again). Pending ids whose webhook is late are polled ({@code pollFallbackAfter}) by a
 * {@link PollFallback} registered with the route. The handler never starts or stops the route's processor: the route
 * does, after its in-flight exchanges. Nothing it logs or answers holds a key or a token.
 */
public class DeepEnrichWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichWebhookHandler.class);

    private final DeepEnrichEndpoint endpoint;
    private final Processor route;
    private final AsyncProcessor next;
    private ResultEmitter emitter;
    private PollFallback fallback;
    private String token;

    /** {@code next} is the processor of the route the webhook consumes into; the route starts and stops it. */
    public DeepEnrichWebhookHandler(DeepEnrichEndpoint endpoint, Processor next) {
        this.endpoint = endpoint;
        this.route = next;
        this.next = AsyncProcessorConverterHelper.convert(next);
    }

    @Override
    protected void doStart() throws Exception {
        DeepEnrichConfiguration cfg = endpoint.getConfiguration();
        token = CallbackToken.expected(cfg);
        if (token == null) {
            LOG.warn("callbackAuthentication=false: the DeepEnrich webhook {} accepts results without a token; "
                     + "authenticate them in front of it",
                    endpoint.getEndpointBaseUri());
        } else if (cfg.getCallbackToken() == null || cfg.getCallbackToken().isEmpty()) {
            LOG.info("The DeepEnrich webhook {} requires the callback token derived from the API key",
                    endpoint.getEndpointBaseUri());
        }
        emitter = new ResultEmitter(endpoint.getLedger(), endpoint.getIdempotentRepository(), next,
                "webhook-" + UUID.randomUUID(), cfg.getForeignResults(), endpoint::resultEmitted);
        if (endpoint.getConfiguration().getPollFallbackAfter() > 0) {
            fallback = PollFallback.of(owningRoute(), endpoint);
        }
    }

    /** The route whose processor this handler feeds: the poll fallback is one of its services. */
    private Route owningRoute() {
        return endpoint.getCamelContext().getRoutes().stream().filter(r -> r.getProcessor() == route).findFirst()
                .orElseThrow(() -> new IllegalStateException("The DeepEnrich webhook handler of "
                                                             + endpoint.getEndpointBaseUri() + " feeds no route of "
                                                             + "this CamelContext, so pollFallbackAfter cannot poll "
                                                             + "into it; consume with from(\"webhook:deepenrich:...\")"
                                                             + " or set pollFallbackAfter=0"));
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        if (token != null && !authenticated(in)) {
            return answer(exchange, callback, 401, "missing or wrong token (query parameter token only)");
        }
        byte[] body;
        EnrichmentResult result;
        try {
            body = readBody(in);
            result = readResult(body);
        } catch (Refused refused) {
            return answer(exchange, callback, refused.status, refused.getMessage());
        }
        if (result.getStatus() == EnrichmentStatus.UNKNOWN) {
            String what = "status " + rawStatus(body) + " is unknown to this version, not emitted; "
                          + (willBePolled(result.getId()) ? "the enrichment is polled"
                                  : "nothing polls it: read it with getResult");
            LOG.warn("Webhook for {}: {}", result.getId(), what);
            return answer(exchange, callback, 202, what);
        }
        if (!result.getStatus().isFinal()) {
            LOG.debug("Webhook for {} with status {} ignored: not final", result.getId(), result.getStatus());
            return answer(exchange, callback, 202, "status " + result.getStatus() + " is not final");
        }
        in.removeHeaders("*");
        emitter.emit(exchange, result, false, outcome -> {
            answerEmitted(exchange, result.getId(), outcome);
            callback.done(false);
        });
        return false;
    }

    /** The body, read no further than maxBodySize. */
    private byte[] readBody(Message in) throws Refused {
        int max = endpoint.getConfiguration().getMaxBodySize();
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        byte[] body;
        try {
            body = declared != null && declared > max ? null : BoundedBody.of(in, max);
        } catch (IOException e) {
            throw new Refused(400, "body unreadable: " + e.getMessage());
        }
        if (body == null) {
            throw new Refused(413, "body over " + max + " bytes");
        }
        if (body.length == 0) {
            throw new Refused(400, "empty body");
        }
        return body;
    }

    private static EnrichmentResult readResult(byte[] body) throws Refused {
        EnrichmentResult result;
        try {
            result = DeepEnrichJson.mapper().readValue(body, EnrichmentResult.class);
        } catch (IOException e) {
            throw new Refused(400, "not a DeepEnrich result: " + whatIsWrong(e));
        }
        if (result == null) {
            throw new Refused(400, "not a DeepEnrich result: the body is JSON null");
        }
        result.withOutcomes();
        if (result.getId() == null || result.getId().isBlank()) {
            throw new Refused(400, "result without id");
        }
        return result;
    }

    /** 2xx once the route has the result (or had it before); 5xx asks DeepEnrich to deliver again. */
    private static void answerEmitted(Exchange exchange, String id, ResultEmitter.Outcome outcome) {
        switch (outcome) {
            case EMITTED, DUPLICATE -> finish(exchange, 200, outcome.name().toLowerCase());
            case DROPPED -> finish(exchange, 200, "dropped: not an enrichment of this application");
            case BUSY -> finish(exchange, 503, "being processed, deliver again later");
            case INTERRUPTED -> {
                exchange.setException(null);
                finish(exchange, 503, "stopping, deliver again later");
            }
            default -> {
                LOG.warn("Route failed on webhook for enrichment {}; answered 500 so DeepEnrich delivers again", id,
                        exchange.getException());
                exchange.setException(null);
                finish(exchange, 500, "route failed, deliver again");
            }
        }
    }

    /** A delivery answered before it reaches the route: its status and why. */
    private static final class Refused extends Exception {

        private final int status;

        Refused(int status, String why) {
            super(why, null, false, false);
            this.status = status;
        }
    }

    /** Jackson's own words, without the source excerpt, and where in the body: "datas: Cannot deserialize ...". */
    private static String whatIsWrong(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return e.toString();
        }
        String where = json instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "";
        String what = json.getOriginalMessage().lines().findFirst().orElse("");
        what = what.length() > 200 ? what.substring(0, 200) + "..." : what;
        return where.isEmpty() ? what : where + ": " + what;
    }

    /** The status as the body spells it (an unknown one reads as UNKNOWN). */
    private static String rawStatus(byte[] body) {
        try {
            return "'" + DeepEnrichJson.tree(body).path("status").asText() + "'";
        } catch (IOException unreadable) {
            return "?";
        }
    }

    /**
     * The token as DeepEnrich sends it: the one query parameter {@code token}. platform-http merges query parameters
     * and HTTP headers into the message headers (case-insensitively), so a second value under that name, an HTTP
     * header {@code token} or a parameter {@code TOKEN}, shows as more than one value there, and is refused.
     */
    private boolean authenticated(Message in) {
        // Vert.x platform-http sets the raw query; the Spring Boot (servlet) one only the query, as received
        String query = in.getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        if (query == null) {
            query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        }
        List<String> fromQuery = CallbackToken.fromQuery(query);
        Object merged = in.getHeader(CallbackToken.PARAMETER);
        int mergedValues = merged == null ? 0 : merged instanceof Collection<?> values ? values.size() : 1;
        return fromQuery.size() == 1 && mergedValues <= 1 && CallbackToken.matches(fromQuery.get(0), token);
    }

    /** Whether the poll fallback will read this id: only one the ledger holds, and only with pollFallbackAfter on. */
    private boolean willBePolled(String id) {
        try {
            return fallback != null && endpoint.getLedger().find(id).isPresent();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean answer(Exchange exchange, AsyncCallback callback, int status, String why) {
        if (status >= 400) {
            LOG.info("Webhook refused with {}: {}", status, why);
        }
        finish(exchange, status, why);
        callback.done(true);
        return true;
    }

    private static void finish(Exchange exchange, int status, String text) {
        Message out = exchange.getMessage();
        out.removeHeaders("*"); // nothing the route set leaks into the answer
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody("{\"status\":" + status + ",\"message\":\"" + text.replace("\"", "'") + "\"}");
    }
}
