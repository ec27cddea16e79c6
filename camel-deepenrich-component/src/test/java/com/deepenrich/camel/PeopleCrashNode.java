package com.deepenrich.camel;

import java.nio.file.Path;
import java.util.List;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The application that {@link DeduplicatedContactsSurviveACrashTest} kills: on a {@link FileDeepEnrichLedger} in the
 * work dir, with a results route not started yet, it submits contact 0, then the same person spelled another way
 * (custom seq 1) in another exchange, prints {@code SUBMITTED} and waits to be killed, its results not read yet.
 * <p>
 * Arguments: work dir, API base URL.
 */
public final class PeopleCrashNode {

    static final String SUBMITTED = "SUBMITTED";

    private PeopleCrashNode() {
    }

    public static void main(String[] args) throws Exception {
        DeepEnrichComponent component = WireMockApi.component(args[1]);
        component.getConfiguration().setLedger(new FileDeepEnrichLedger(Path.of(args[0])));
        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                // its results route, not started before the kill: it holds people for it to answer
                from("deepenrich:results").autoStartup(false).to("log:results");
            }
        });
        context.start();
        context.createProducerTemplate().requestBody("deepenrich:bulk", List.of(WireMockApi.contact(0)));
        context.createProducerTemplate().requestBody("deepenrich:bulk", List.of(WireMockApi.respelled(0, 1)));
        System.out.println(SUBMITTED);
        Thread.sleep(60_000); // the test kills this process long before
        context.stop();
    }
}
