package com.deepenrich.camel.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.deepenrich.camel.DeepEnrichEndpoint;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The webhook's poll of late enrichments ({@code pollFallbackAfter}), registered as a service of the webhook's route
 * so that Camel orders it: the shutdown strategy suspends its polls together with the route's consumer
 * ({@link #prepareShutdown}), waits for the results it is reading or emitting as for in-flight exchanges
 * ({@link #getPendingExchangesSize}), and the route stops it with its other services once they are done.
 */
public final class PollFallback extends ServiceSupport implements ShutdownAware {

    private final ScheduledPollConsumer consumer;

    private PollFallback(ScheduledPollConsumer consumer) {
        this.consumer = consumer;
    }

    /**
     * The fallback of {@code route} (whose processor the webhook handler feeds), registered with the route on the
     * first call; started, or resumed after the route was suspended.
     */
    static PollFallback of(Route route, DeepEnrichEndpoint endpoint) throws Exception {
        PollFallback fallback = route.getServices().stream().filter(PollFallback.class::isInstance)
                .map(PollFallback.class::cast).findFirst().orElse(null);
        if (fallback == null) {
            Duration late = Duration.ofMillis(endpoint.getConfiguration().getPollFallbackAfter());
            fallback = new PollFallback(endpoint.createResultsConsumer(new RouteEntrance(route.getProcessor()),
                    p -> p.submittedAt().plus(late).isBefore(Instant.now())));
            route.addService(fallback);
        }
        ServiceHelper.startService(fallback);
        ServiceHelper.resumeService(fallback.consumer);
        return fallback;
    }

    public ScheduledPollConsumer getConsumer() {
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(consumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(consumer);
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        ServiceHelper.suspendService(consumer);
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public int getPendingExchangesSize() {
        return consumer instanceof ShutdownAware reading ? reading.getPendingExchangesSize() : 0;
    }

    /**
     * The route's processor as the fallback consumer's processor, without its lifecycle: the route alone starts and
     * stops its processor (a consumer stops its processor when it stops).
     */
    private record RouteEntrance(AsyncProcessor route) implements AsyncProcessor {

        RouteEntrance(Processor route) {
            this(AsyncProcessorConverterHelper.convert(route));
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            return route.process(exchange, callback);
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            route.process(exchange);
        }

        @Override
        public CompletableFuture<Exchange> processAsync(Exchange exchange) {
            return route.processAsync(exchange);
        }
    }
}
