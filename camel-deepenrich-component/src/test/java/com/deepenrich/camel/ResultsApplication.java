package com.deepenrich.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One running instance of an application: its own Camel context, whose deepenrich component talks to the WireMock
 * API and keeps its pending ids in the given ledger; with {@code polling}, a results consumer whose route collects
 * the ids it receives (kept after the application stopped). The route receives a result before the component marks
 * it done (its id completed in the ledger, its credits settled).
 */
final class ResultsApplication implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final List<String> emitted = new CopyOnWriteArrayList<>();

    ResultsApplication(WireMockApi api, DeepEnrichLedger ledger, boolean polling) throws Exception {
        DeepEnrichComponent component = api.component();
        component.getConfiguration().setLedger(ledger);
        context.addComponent("deepenrich", component);
        if (polling) {
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("deepenrich:results?delay=20&initialDelay=0")
                            .process(e -> emitted.add(e.getMessage().getBody(EnrichmentResult.class).getId()));
                }
            });
        }
        context.start();
    }

    ProducerTemplate template() {
        return context.createProducerTemplate();
    }

    DeepEnrichEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, DeepEnrichEndpoint.class);
    }

    /** The enrichment ids the route received, in order. */
    List<String> emitted() {
        return emitted;
    }

    @Override
    public void close() {
        context.stop();
    }
}
