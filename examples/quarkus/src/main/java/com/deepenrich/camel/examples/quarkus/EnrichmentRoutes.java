package com.deepenrich.camel.examples.quarkus;

import com.deepenrich.camel.DeepEnrichAggregationStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The enrichment flow in the Java DSL: each line of a JSON Lines file in {@code contacts.dir} is one contact; the
 * contacts are grouped by 100 and submitted with {@code deepenrich:bulk}; the {@code deepenrich:results} consumer
 * reads the submitted enrichments by polling and appends each enriched contact, as JSON, to
 * {@code output.dir/enriched-contacts.jsonl}. The {@code deepenrich} component is configured in
 * application.properties ({@code camel.component.deepenrich.*}). With {@code deepenrich.flow=kamelets} the same flow
 * runs as the YAML route on the Kamelets instead (src/main/resources/kamelet-flow).
 */
@ApplicationScoped
public class EnrichmentRoutes extends RouteBuilder {

    @ConfigProperty(name = "deepenrich.flow", defaultValue = "java")
    String flow;

    @Override
    public void configure() {
        if (!"java".equals(flow)) {
            return;
        }
        from("file:{{contacts.dir}}?include=.*\\.jsonl&noop=true").routeId("contacts-in")
                .split(body().tokenize("\n")).streaming()
                .to("direct:enrich");

        from("direct:enrich").routeId("submit")
                .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                .completionSize(100).completionTimeout(1000).forceCompletionOnStop().completeAllOnStop()
                .to("deepenrich:bulk");

        from("deepenrich:results?delay={{deepenrich.poll-interval}}").routeId("results-out")
                .split(simple("${body.contacts}"))
                .convertBodyTo(String.class)
                .to("file:{{output.dir}}?fileName=enriched-contacts.jsonl&fileExist=Append&appendChars=\\n")
                .to("log:enriched-contacts?groupInterval=1000&groupActiveOnly=true");
    }
}
