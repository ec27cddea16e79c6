package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: count, authenticate, rate-limit, inject faults, route to the endpoint, answer JSON.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Router router;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final Duration responseLatency;

    ApiHandler(Router router, Authenticator authenticator, RateLimiter rateLimiter, FaultInjector faults,
               SimulatorStats stats, Duration responseLatency) {
        this.router = router;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.stats = stats;
        this.responseLatency = responseLatency;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            Optional<Router.Match> match = router.match(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath());
            stats.countRequest(match.map(Router.Match::key).orElse(null));
            String apiKey = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!rateLimiter.tryAcquire(apiKey, System.nanoTime())) {
                stats.countRateLimited(false);
                throw ApiError.RATE_LIMIT.exception();
            }
            FaultInjector.Fault fault = injectFault();
            if (fault == FaultInjector.Fault.CONNECTION_RESET) {
                return; // the finally block closes the connection before any response byte
            }
            Router.Match route = match.orElseThrow(ApiError.ROUTE_NOT_FOUND::exception);
            ApiRequest request = new ApiRequest(apiKey, route.pathParameter(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestBody());
            Object answer = route.endpoint().handle(request);
            if (fault == FaultInjector.Fault.ANSWER_LOST) {
                stats.countLostAnswer();
                return; // handled (a bulk request is now a job), then the connection drops before any answer
            }
            respond(exchange, 200, answer);
        } catch (ApiException e) {
            respond(exchange, e.error().status(), e.error().body());
        } catch (RuntimeException e) {
            LOG.error("Failed to handle {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, ApiError.SERVER_ERROR.body());
        } finally {
            exchange.close();
        }
    }

    /** Draws this request's fault: throws the error ones, returns the others. */
    private FaultInjector.Fault injectFault() throws ApiException {
        FaultInjector.Fault fault = faults.nextRequestFault();
        switch (fault) {
            case SERVER_ERROR -> {
                stats.countInjectedServerError();
                throw ApiError.INJECTED_SERVER_ERROR.exception();
            }
            case RATE_LIMIT -> {
                stats.countRateLimited(true);
                throw ApiError.RATE_LIMIT.exception();
            }
            case CONNECTION_RESET -> stats.countInjectedReset();
            case ANSWER_LOST, NONE -> {
            }
        }
        return fault;
    }

    private void respond(HttpExchange exchange, int status, Object body) {
        byte[] bytes = Json.bytes(body);
        pause(responseLatency);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
