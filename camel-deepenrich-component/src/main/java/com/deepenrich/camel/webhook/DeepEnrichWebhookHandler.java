package com.deepenrich.camel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deepenrich.camel.DeepEnrichConfiguration;
import com.deepenrich.camel.DeepEnrichEndpoint;
import com.deepenrich.camel.consumer.DeepEnrichResultsConsumer;
import com.deepenrich.camel.consumer.ResultEmitter;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
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
 * Receives DeepEnrich's webhook POSTs ({@code from("webhook:deepenrich:results?...")}). Checks the callback token in
 * constant time (401), caps the body (413), refuses what is no result (400), emits each (enrichment id, status)
 * once, and answers 2xx only after the route processed it (5xx otherwise, so DeepEnrich delivers again). Pending
 * ids whose webhook is late are polled ({@code pollFallbackAfter}) by a {@link PollFallback} registered with the
 * route. The handler never starts or stops the route's processor: the route does, after its in-flight exchanges.
 */
public class DeepEnrichWebhookHandler extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichWebhookHandler.class);

    private final DeepEnrichEndpoint endpoint;
    private final Processor route;
    private final AsyncProcessor next;
    private ResultEmitter emitter;
    private PollFallback fallback;

    /** {@code next} is the processor of the route the webhook consumes into; the route starts and stops it. */
    public DeepEnrichWebhookHandler(DeepEnrichEndpoint endpoint, Processor next) {
        this.endpoint = endpoint;
        this.route = next;
        this.next = AsyncProcessorConverterHelper.convert(next);
    }

    @Override
    protected void doStart() throws Exception {
        if (endpoint.getConfiguration().getCallbackToken() == null) {
            LOG.warn("No callbackToken set: the DeepEnrich webhook accepts results from anyone who finds its URL");
        }
        emitter = new ResultEmitter(endpoint.getLedger(), endpoint.getIdempotentRepository(), next,
                "webhook-" + UUID.randomUUID(), endpoint.getMetrics());
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
        DeepEnrichConfiguration cfg = endpoint.getConfiguration();
        if (!tokenMatches(in, cfg.getCallbackToken())) {
            return answer(exchange, callback, 401, "missing or wrong token");
        }
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > cfg.getMaxBodySize()) {
            return answer(exchange, callback, 413, "body over " + cfg.getMaxBodySize() + " bytes");
        }
        byte[] body = in.getBody(byte[].class);
        if (body == null || body.length == 0) {
            return answer(exchange, callback, 400, "empty body");
        }
        if (body.length > cfg.getMaxBodySize()) {
            return answer(exchange, callback, 413, "body over " + cfg.getMaxBodySize() + " bytes");
        }
        EnrichmentResult result;
        try {
            result = DeepEnrichJson.mapper().readValue(body, EnrichmentResult.class);
        } catch (IOException e) {
            return answer(exchange, callback, 400, "not a DeepEnrich result: " + whatIsWrong(e));
        }
        if (result == null) {
            return answer(exchange, callback, 400, "not a DeepEnrich result: the body is JSON null");
        }
        result.withOutcomes();
        if (result.getId() == null || result.getId().isBlank()) {
            return answer(exchange, callback, 400, "result without id");
        }
        if (result.getStatus() == EnrichmentStatus.UNKNOWN) {
            LOG.warn("Webhook for {} has a status this version does not know ({}); it stays pending and is polled",
                    result.getId(), rawStatus(body));
            return answer(exchange, callback, 202, "status " + rawStatus(body) + " is unknown, the enrichment is polled");
        }
        if (!result.getStatus().isFinal()) {
            LOG.debug("Webhook for {} with status {} ignored: not final", result.getId(), result.getStatus());
            return answer(exchange, callback, 202, "status " + result.getStatus() + " is not final");
        }
        in.removeHeaders("*");
        emitter.emit(exchange, result, false, outcome -> {
            switch (outcome) {
                case EMITTED, DUPLICATE -> finish(exchange, 200, outcome.name().toLowerCase());
                case BUSY -> finish(exchange, 503, "being processed, deliver again later");
                case INTERRUPTED -> {
                    exchange.setException(null);
                    finish(exchange, 503, "stopping, deliver again later");
                }
                default -> {
                    LOG.warn("Route failed on webhook for enrichment {}; answered 500 so DeepEnrich delivers again",
                            result.getId(), exchange.getException());
                    exchange.setException(null);
                    finish(exchange, 500, "route failed, deliver again");
                }
            }
            callback.done(false);
        });
        return false;
    }

    /** Jackson's own words, without the source excerpt, and where in the body: "datas: Cannot deserialize ...". */
    private static String whatIsWrong(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return e.toString();
        }
        String where = json instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) : "";
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

    private static boolean tokenMatches(Message in, String expected) {
        if (expected == null) {
            return true;
        }
        String given = in.getHeader("token", String.class);
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
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

    /** The poll consumer of late enrichments (null when pollFallbackAfter is 0 or the handler never started). */
    public DeepEnrichResultsConsumer getFallback() {
        return fallback == null ? null : fallback.getConsumer();
    }
}
