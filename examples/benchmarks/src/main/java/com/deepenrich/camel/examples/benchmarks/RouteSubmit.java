package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A variant that is a Camel route from {@code direct:contacts}, fed one contact per exchange; the route reports what
 * the API acknowledged to {@link #acknowledged}, and its failures through {@code acknowledged.failure()}.
 */
abstract class RouteSubmit implements SubmitVariant {

    protected final CamelContext context = new DefaultCamelContext();
    protected final Progress acknowledged = new Progress();
    private ProducerTemplate template;
    private Endpoint input;

    /** Adds the routes and starts the context; the constructor of a subclass calls it last. */
    protected final void start(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
        context.start();
        template = context.createProducerTemplate();
        input = context.getEndpoint("direct:contacts");
    }

    @Override
    public void submit(List<Map<String, Object>> contacts) throws Exception {
        acknowledged.reset();
        for (Map<String, Object> contact : contacts) {
            template.sendBody(input, contact);
        }
        acknowledged.awaitAtLeast(contacts.size(), Progress.STALL);
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
