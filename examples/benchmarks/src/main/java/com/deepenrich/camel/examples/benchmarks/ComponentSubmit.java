package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import com.deepenrich.camel.DeepEnrichComponent;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Ours: the canonical route, aggregate(100) then {@code deepenrich:bulk}, fed one contact per exchange; the receipts'
 * submitted counts tell when every contact was acknowledged.
 */
public final class ComponentSubmit implements SubmitVariant {

    private final CamelContext context = new DefaultCamelContext();
    private final Progress acknowledged = new Progress();
    private final ProducerTemplate template;
    private final Endpoint input;

    /** {@code bulkOptions}: the endpoint's query string, such as {@code requestsPerMinute=0}. */
    public ComponentSubmit(String baseUrl, String bulkOptions) throws Exception {
        DeepEnrichComponent deepenrich = new DeepEnrichComponent();
        deepenrich.getConfiguration().setApiKey(BenchmarkMain.API_KEY);
        deepenrich.getConfiguration().setBaseUrl(baseUrl);
        context.addComponent("deepenrich", deepenrich);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).process(acknowledged.failure());
                from("direct:contacts").routeId("deepenrich-submit")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop()
                        .to("deepenrich:bulk?" + bulkOptions)
                        .process(e -> acknowledged.add(e.getMessage().getBody(SubmissionReceipt.class).getSubmitted()));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        input = context.getEndpoint("direct:contacts");
    }

    @Override
    public String name() {
        return "deepenrich:bulk (ours)";
    }

    @Override
    public void submit(List<Map<String, Object>> contacts) throws Exception {
        acknowledged.reset();
        for (Map<String, Object> contact : contacts) {
            template.sendBody(input, contact);
        }
        acknowledged.awaitAtLeast(contacts.size(), Progress.STALL);
    }

    /** {@link System#nanoTime()} when the first request of the last {@link #submit} was acknowledged. */
    public long firstAcknowledgedAt() {
        return acknowledged.firstAddNanos();
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
