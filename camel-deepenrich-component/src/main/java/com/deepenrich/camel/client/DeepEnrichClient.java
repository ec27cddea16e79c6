package com.deepenrich.camel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.deepenrich.camel.DeepEnrichConnectionException;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.metrics.DeepEnrichMetrics;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous DeepEnrich API client on the JDK's pooled HTTP client. Every call goes through the shared
 * {@link RateLimiter} and the {@link RetryPolicy}; no call blocks the caller's thread. Futures fail with a
 * {@link DeepEnrichException}.
 */
public final class DeepEnrichClient {

    private static final Logger LOG = LoggerFactory.getLogger(DeepEnrichClient.class);
    private static final String IN_PROGRESS_CODE = "error.enrichment.in_progress";

    private final HttpClient http;
    private final Executor senders;
    private final ClientSettings settings;
    private final RateLimiter limiter;
    private final ScheduledExecutorService scheduler;
    private final DeepEnrichMetrics metrics;

    /** {@code senders}: the threads that run the blocking HTTP exchanges, as many as may be in flight at once. */
    public DeepEnrichClient(HttpClient http, Executor senders, ClientSettings settings, RateLimiter limiter,
                            ScheduledExecutorService scheduler, DeepEnrichMetrics metrics) {
        this.http = http;
        this.senders = senders;
        this.settings = settings;
        this.limiter = limiter;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** This client sending each request once: for a check whose failure is told, not waited out. */
    public DeepEnrichClient withoutRetries() {
        ClientSettings once = new ClientSettings(settings.baseUrl(), settings.apiKey(), settings.requestTimeout(),
                new RetryPolicy(0, 0, 0), settings.retryInDoubtSubmissions());
        return new DeepEnrichClient(http, senders, once, limiter, scheduler, metrics);
    }

    /** POST /contact/enrich/bulk; completes with the enrichment id. */
    public CompletableFuture<String> submit(BulkRequest request) {
        return submit(request, DeepEnrichJson.write(request), OnTheWire.NONE);
    }

    /**
     * POST /contact/enrich/bulk with the request already written as {@code body}. A failure after the request may
     * have reached the API (see {@link #mayHaveReachedTheApi}) fails with a {@link DeepEnrichInDoubtException}
     * instead of being retried, unless {@code retryInDoubtSubmissions} is set. {@code wire} is told, on the sender,
     * when each attempt is about to be written, and when one that cannot have been accepted waits for its retry.
     */
    public CompletableFuture<String> submit(BulkRequest request, byte[] body, OnTheWire wire) {
        return send("POST", "/contact/enrich/bulk", body, request.name(), RateLimiter.Turn.CALL, wire,
                response -> requiredText(response, "enrichment_id", request.name()));
    }

    /**
     * GET /contact/enrich/bulk/{id}; an unfinished enrichment completes with status IN_PROGRESS whether the API
     * answers 200 or 400 error.enrichment.in_progress.
     */
    public CompletableFuture<EnrichmentResult> getResult(String enrichmentId, boolean forceResults) {
        return getResult(enrichmentId, forceResults, RateLimiter.Turn.CALL);
    }

    /**
     * {@link #getResult(String, boolean)} in the limiter's lane of {@code turn}; each attempt (retries too) asks
     * {@link RateLimiter.Turn#whenHandedOut} when its turn comes, and a declined one fails with
     * {@link RateLimiter.TurnDeclined}, unsent.
     */
    public CompletableFuture<EnrichmentResult> getResult(String enrichmentId, boolean forceResults,
                                                         RateLimiter.Turn turn) {
        String path = "/contact/enrich/bulk/" + pathSegment(enrichmentId) + (forceResults ? "?forceResults=true" : "");
        return send("GET", path, null, enrichmentId, turn, OnTheWire.NONE, response -> {
            if (response.status() == 400 && IN_PROGRESS_CODE.equals(ApiErrors.code(response))) {
                return inProgress(enrichmentId);
            }
            return parse(response, enrichmentId, DeepEnrichJson::readResult);
        });
    }

    /** GET /account/credits; completes with the balance. */
    public CompletableFuture<Long> getCredits() {
        return send("GET", "/account/credits", null, null, RateLimiter.Turn.CALL, OnTheWire.NONE, response -> {
            JsonNode balance = parse(response, null, DeepEnrichJson::tree).get("balance");
            if (balance == null || !balance.isNumber()) {
                throw unexpected("no numeric 'balance' in " + new String(response.body()), null, null);
            }
            return balance.asLong();
        });
    }

    /** GET /account/keys/verify; completes with the workspace id the key belongs to. */
    public CompletableFuture<String> verifyKey() {
        return send("GET", "/account/keys/verify", null, null, RateLimiter.Turn.CALL, OnTheWire.NONE,
                response -> requiredText(response, "workspace_id", null));
    }

    /** Sends through the limiter, retrying as the policy says; {@code handler} gets the first answer not retried. */
    private <T> CompletableFuture<T> send(String method, String path, byte[] body, String requestName,
                                          RateLimiter.Turn turn, OnTheWire wire, Function<ApiResponse, T> handler) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Call<T> call = new Call<>(request, body != null, requestName, turn, wire, handler);
        call.attempt(0);
        return call.result;
    }

    /**
     * One call to the API, attempt after attempt: each attempt waits for its turn, runs on a sender, and then either
     * completes {@link #result} or schedules the next attempt.
     */
    private final class Call<T> {

        private final HttpRequest request;
        private final boolean submission;
        private final String requestName;
        private final RateLimiter.Turn turn;
        private final OnTheWire wire;
        private final Function<ApiResponse, T> handler;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final long startNanos = System.nanoTime();

        Call(HttpRequest request, boolean submission, String requestName, RateLimiter.Turn turn, OnTheWire wire,
             Function<ApiResponse, T> handler) {
            this.request = request;
            this.submission = submission;
            this.requestName = requestName;
            this.turn = turn;
            this.wire = wire;
            this.handler = handler;
        }

        void attempt(int retry) {
            CompletableFuture<RateLimiter.Permit> turnCame;
            try {
                turnCame = limiter.acquire(turn);
            } catch (RuntimeException e) {
                result.completeExceptionally(notSent(e, requestName));
                return;
            }
            turnCame.thenCompose(this::onASender)
                    .whenComplete((response, failure) -> {
                        try {
                            if (failure != null) {
                                noAnswer(retry, Futures.unwrap(failure));
                            } else {
                                answered(retry, new ApiResponse(response.statusCode(), response.body(),
                                        response.headers().firstValue("Retry-After")));
                            }
                        } catch (RuntimeException e) {
                            result.completeExceptionally(
                                    e instanceof DeepEnrichException ? e : notSent(e, requestName));
                        }
                    });
        }

        /** The exchange on a sender; a pool that refuses it (the component stopping) sends nothing. */
        private CompletableFuture<HttpResponse<byte[]>> onASender(RateLimiter.Permit permit) {
            try {
                return CompletableFuture.supplyAsync(() -> exchange(permit), senders);
            } catch (RejectedExecutionException e) {
                permit.answered();
                return CompletableFuture.failedFuture(e);
            }
        }

        /**
         * The exchange on its turn, told to {@link #wire} first (a failure to record it sends nothing); the permit
         * learns when the answer came, or that none will.
         */
        private HttpResponse<byte[]> exchange(RateLimiter.Permit permit) {
            try {
                wire.writing();
                return DeepEnrichClient.this.exchange(request);
            } finally {
                permit.answered();
            }
        }

        /** No answer came: a submission that may have reached the API is in doubt; else retried, else failed. */
        private void noAnswer(int retry, Throwable cause) {
            RetryPolicy policy = settings.retryPolicy();
            if (cause instanceof RateLimiter.TurnDeclined) {
                result.completeExceptionally(cause); // a poll read whose id another owner holds: not sent
            } else if (submission && !settings.retryInDoubtSubmissions() && mayHaveReachedTheApi(cause)) {
                String what =
                        "the request was sent but no answer came (" + cause + "): DeepEnrich may have accepted it";
                result.completeExceptionally(new DeepEnrichInDoubtException(what, requestName, cause));
            } else if (!(cause instanceof IOException) && !(cause instanceof InterruptedException)
                       && !(cause instanceof DeepEnrichException)) {
                result.completeExceptionally(notSent(cause, requestName)); // it never reached the network
            } else if (retry < policy.maxRetries() && cause instanceof IOException) {
                if (!mayHaveReachedTheApi(cause)) {
                    wire.offTheWire();
                }
                again(retry, policy.backoffMillis(retry + 1), why(cause));
            } else {
                result.completeExceptionally(connectionFailure(cause, retry));
            }
        }

        /** An answer came: a 429 or 5xx is retried while retries are left (a 429 holds back every waiting request). */
        private void answered(int retry, ApiResponse response) {
            RetryPolicy policy = settings.retryPolicy();
            if (response.status() == 429) {
                metrics.rateLimited();
            }
            if (retry < policy.maxRetries() && policy.isRetryableStatus(response.status())) {
                DeepEnrichException error = ApiErrors.toException(response, requestName);
                long delay = policy.delayMillis(retry + 1, response, error.getApiMessage());
                if (response.status() == 429) {
                    limiter.deferAll(delay);
                }
                wire.offTheWire();
                again(retry, delay, "HTTP " + response.status()
                                    + (error.getCode() == null ? "" : " " + error.getCode()));
            } else {
                result.complete(handler.apply(response));
            }
        }

        /** One WARN line per retry: an API that does not answer is never silent while it is retried. */
        private void again(int retry, long delayMillis, String why) {
            LOG.warn("DeepEnrich {} {} to {}: attempt {} of {} failed: {}; next attempt in {}{}", request.method(),
                    request.uri().getPath(), hostAndPort(request.uri()), retry + 1,
                    settings.retryPolicy().maxRetries() + 1, why, seconds(delayMillis), forRequest());
            metrics.retried();
            scheduler.schedule(() -> attempt(retry + 1), delayMillis, TimeUnit.MILLISECONDS);
        }

        /**
         * No answer after the last attempt: names where the API was looked for, what was tried for how long, and why
         * the last attempt failed, so that a wrong baseUrl or an API down reads as such.
         */
        private DeepEnrichException connectionFailure(Throwable cause, int retries) {
            if (cause instanceof DeepEnrichException known) {
                return known;
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            String what = "no answer from " + hostAndPort(request.uri()) + ": " + why(cause) + "; "
                          + request.method() + " " + request.uri().getPath() + " was tried "
                          + (retries == 0 ? "once" : (retries + 1) + " times") + " over " + seconds(millis)
                          + " (maxRetries="
                          + settings.retryPolicy().maxRetries() + "). Check that the API answers at baseUrl "
                          + settings.baseUrl() + " from this host (proxy, firewall)";
            return new DeepEnrichConnectionException(null, what, 0, requestName, cause);
        }

        private String forRequest() {
            return requestName == null ? "" : " [request '" + requestName + "']";
        }
    }

    /** The host and port a URI reaches, the scheme's default port when it names none. */
    static String hostAndPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /**
     * Why an exchange got no answer, in words: the JDK's connection failures carry no message of their own (a
     * refused connection is a bare {@code java.net.ConnectException}).
     */
    static String why(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "the host name does not resolve (" + cause.getClass().getName() + ")";
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within connectTimeout (" + cause.getClass().getName() + ")";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within requestTimeout (" + cause.getClass().getName() + ")";
        }
        if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
            return "could not connect, refused or nothing listens there (" + cause.getClass().getName() + ")";
        }
        return String.valueOf(cause);
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000d);
    }

    /**
     * One blocking HTTP exchange, run on the {@code senders} pool. Not {@code sendAsync}: the JDK client hands each
     * of its responses to CompletableFuture's default executor, which starts a new thread per response when the
     * common pool has fewer than two threads (machines of one or two cores); measured on two cores, 1,000 requests
     * cost 1,000 threads and opened up to 700 connections. The bounded pool also bounds the connections.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            metrics.requestSent();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Whether a failed exchange may have delivered the request: anything but a connection that was never made
     * (refused, unreachable, connect timeout), which DeepEnrich cannot have seen.
     */
    static boolean mayHaveReachedTheApi(Throwable cause) {
        return cause instanceof IOException && !(cause instanceof ConnectException)
               && !(cause instanceof HttpConnectTimeoutException) && !(cause instanceof NoRouteToHostException)
               && !(cause.getCause() instanceof ConnectException);
    }

    /**
     * A failure on this side before the request left (the component stopping, a refused thread pool, a bug of ours):
     * no request was written, so it says "not sent", never "no answer".
     */
    static DeepEnrichException notSent(Throwable cause, String requestName) {
        String why = cause instanceof RejectedExecutionException
                ? "the component is stopping (" + cause.getMessage() + ")" : String.valueOf(cause);
        return DeepEnrichException.local("request.not.sent", "not sent: " + why, requestName, cause);
    }

    private static String requiredText(ApiResponse response, String field, String requestName) {
        JsonNode value = parse(response, requestName, DeepEnrichJson::tree).get(field);
        if (value == null || value.asText().isBlank()) {
            throw unexpected("no '" + field + "' in " + new String(response.body()), requestName, null);
        }
        return value.asText();
    }

    /** The id as one encoded path segment: an id from a message header must not reach another API path. */
    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static EnrichmentResult inProgress(String enrichmentId) {
        EnrichmentResult r = DeepEnrichJson.fromMap(
                java.util.Map.of("id", enrichmentId, "status", EnrichmentStatus.IN_PROGRESS.name()),
                EnrichmentResult.class);
        return r.withOutcomes();
    }

    private interface Parser<T> {

        T parse(byte[] body) throws IOException;
    }

    private static <T> T parse(ApiResponse response, String requestName, Parser<T> parser) {
        if (!response.isSuccess()) {
            throw ApiErrors.toException(response, requestName);
        }
        try {
            return parser.parse(response.body());
        } catch (IOException e) {
            throw unexpected("unreadable answer: " + e.getMessage(), requestName, e);
        }
    }

    private static DeepEnrichException unexpected(String what, String requestName, Throwable cause) {
        return new DeepEnrichException("unexpected.response", what, 200, requestName, cause);
    }
}
