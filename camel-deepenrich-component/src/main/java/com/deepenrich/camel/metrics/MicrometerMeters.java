package com.deepenrich.camel.metrics;

import java.util.List;
import java.util.function.ToDoubleFunction;

import com.deepenrich.camel.DeepEnrichEndpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;

/**
 * The endpoint's counters as Micrometer meters, tagged {@code endpoint} (the URI without secrets). The meters read
 * the counters when the registry is scraped: nothing is added on the request path.
 */
final class MicrometerMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters;

    private MicrometerMeters(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = meters;
    }

    static AutoCloseable bind(CamelContext camelContext, DeepEnrichEndpoint endpoint) {
        MeterRegistry registry = camelContext.getRegistry().findSingleByType(MeterRegistry.class);
        if (registry == null) {
            return () -> {};
        }
        Tags tags = Tags.of("endpoint", endpoint.getReadableName());
        DeepEnrichMetrics m = endpoint.getMetrics();
        return new MicrometerMeters(registry, List.of(
                counter(registry, "deepenrich.requests.sent", "HTTP requests sent to the API, retries included", tags,
                        m, DeepEnrichMetrics::getRequestsSent),
                counter(registry, "deepenrich.requests.rate.limited", "Requests answered 429", tags,
                        m, DeepEnrichMetrics::getRateLimited),
                counter(registry, "deepenrich.requests.retries", "Requests sent again", tags,
                        m, DeepEnrichMetrics::getRetries),
                counter(registry, "deepenrich.contacts.submitted", "Contacts accepted in bulk requests", tags,
                        m, DeepEnrichMetrics::getContactsSubmitted),
                counter(registry, "deepenrich.contacts.rejected", "Contacts refused before sending", tags,
                        m, DeepEnrichMetrics::getContactsRejected),
                counter(registry, "deepenrich.credits.spent", "Credits of the finished enrichments emitted", tags,
                        m, DeepEnrichMetrics::getCreditsSpent),
                counter(registry, "deepenrich.contacts.deduplicated", "Contacts not sent: their person was being "
                                                                      + "enriched",
                        tags, m, DeepEnrichMetrics::getContactsDeduplicated),
                counter(registry, "deepenrich.contacts.reused", "Contacts not sent: their person's stored result "
                                                                + "was reused",
                        tags, m, DeepEnrichMetrics::getContactsReused),
                counter(registry, "deepenrich.requests.avoided", "Requests the deduplicated and reused contacts "
                                                                 + "would have taken",
                        tags, m, DeepEnrichMetrics::getRequestsAvoided),
                counter(registry, "deepenrich.credits.avoided", "Credits the deduplicated and reused contacts' "
                                                                + "answers would have cost",
                        tags, m, DeepEnrichMetrics::getCreditsAvoided),
                gauge(registry, "deepenrich.enrichments.pending", "Enrichments in the endpoint's ledger", tags,
                        endpoint, DeepEnrichEndpoint::getPendingEnrichments),
                gauge(registry, "deepenrich.batches.pending", "Batches not answered yet (the component's)", tags,
                        endpoint, DeepEnrichEndpoint::getPendingBatches),
                gauge(registry, "deepenrich.requests.in.doubt", "Requests written without an answer, unmatched", tags,
                        endpoint, DeepEnrichEndpoint::getRequestsInDoubt),
                gauge(registry, "deepenrich.requests.in.doubt.overdue", "Requests in doubt past inDoubtTimeout", tags,
                        endpoint, DeepEnrichEndpoint::getRequestsInDoubtOverdue),
                gauge(registry, "deepenrich.people.held", "People held by requests in flight (the ledger's)", tags,
                        endpoint, DeepEnrichEndpoint::getPeopleHeld),
                gauge(registry, "deepenrich.contacts.waiting", "Contacts waiting for their person's result", tags,
                        endpoint, DeepEnrichEndpoint::getContactsWaitingForTheirPerson),
                counter(registry, "deepenrich.contacts.unanswered", "Contacts that waited past personHoldTimeout for "
                                                                    + "a person nobody answered",
                        tags, endpoint, DeepEnrichEndpoint::getContactsUnanswered),
                counter(registry, "deepenrich.people.unheld", "People sent without a hold (the people store was "
                                                              + "full)",
                        tags, endpoint, DeepEnrichEndpoint::getPeopleSentWithoutHold)));
    }

    private static <T> Meter counter(MeterRegistry registry, String name, String description, Tags tags, T source,
                                     ToDoubleFunction<T> value) {
        return FunctionCounter.builder(name, source, value).description(description).tags(tags).register(registry);
    }

    private static <T> Meter gauge(MeterRegistry registry, String name, String description, Tags tags, T source,
                                   ToDoubleFunction<T> value) {
        return Gauge.builder(name, source, value).description(description).tags(tags).register(registry);
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
