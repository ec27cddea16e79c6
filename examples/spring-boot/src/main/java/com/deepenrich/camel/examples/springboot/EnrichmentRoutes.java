package com.deepenrich.camel.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes name no option: the deepenrich component takes its API key, callback URL and token, fields, limits
 * and timeouts from {@code camel.component.deepenrich.*} in application.properties.
 */
@Component
public class EnrichmentRoutes extends RouteBuilder {

    private final EnrichedContacts enrichedContacts;

    public EnrichmentRoutes(EnrichedContacts enrichedContacts) {
        this.enrichedContacts = enrichedContacts;
    }

    @Override
    public void configure() {
        // @formatter:off
        // a JSON array of contacts in; the submission receipt (enrichment ids, rejections) back
        from("platform-http:/contacts?httpMethodRestrict=POST").routeId("contacts-in")
                .to("deepenrich:bulk")
                .convertBodyTo(String.class);

        from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
             + "&webhookPath=/deepenrich/results").routeId("results-in")
                .split(simple("${body.contacts}"))
                    .convertBodyTo(String.class)
                    .log("enriched: ${body}")
                    .bean(enrichedContacts, "add");

        from("platform-http:/contacts/enriched?httpMethodRestrict=GET").routeId("results-out")
                .bean(enrichedContacts, "asJsonLines")
                .setHeader("Content-Type", constant("application/x-ndjson"));
        // @formatter:on
    }
}
