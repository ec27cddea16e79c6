package com.deepenrich.camel;

import java.nio.file.Path;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The Java snippets of README.md and deepenrich-component.adoc, compiled here; {@link DocSnippetsTest} checks that
 * the docs show them exactly (between {@code snippet:NAME} markers) and runs the README's routes.
 */
final class DocRoutes {

    private DocRoutes() {
    }

    /** README.md, Quick start. */
    static RouteBuilder readme() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                // @formatter:off
                // snippet:readme-java
                from("kafka:leads")
                    .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop().completeAllOnStop()
                    .to("deepenrich:bulk?enrichFields=contact.emails,contact.phones"
                        + "&callbackUrl=https://my.host/deepenrich/results");

                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/deepenrich/results")
                    .split(simple("${body.contacts}"))
                    .log("${body.custom[lead_id]}: ${body.mostProbableEmail} (${body.outcome})");
                // end:readme-java
                // @formatter:on
            }
        };
    }

    /** deepenrich-component.adoc, one route builder per section. */
    static RouteBuilder guide() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                // @formatter:off
                // snippet:adoc-bulk
                from("file:inbox?include=.*\\.json")
                    .to("deepenrich:bulk?enrichFields=contact.emails,contact.phones"
                        + "&callbackUrl=https://my.host/deepenrich/results&callbackToken=RAW({{token}})")
                    .log("submitted ${body.submitted} contacts as ${header.CamelDeepEnrichEnrichmentIds}");
                // end:adoc-bulk

                // snippet:adoc-polling
                from("deepenrich:results?delay=30000")
                    .split(simple("${body.contacts}"))
                    .log("${body.custom[lead_id]} -> ${body.mostProbableEmail} (${body.outcome})");
                // end:adoc-polling

                // snippet:adoc-webhook
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/deepenrich/results&callbackToken=RAW({{token}})")
                    .to("direct:enriched");
                // end:adoc-webhook

                // snippet:adoc-batching
                from("kafka:leads")
                    .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop().completeAllOnStop()
                    .to("deepenrich:bulk?callbackUrl=https://my.host/deepenrich/results");
                // end:adoc-batching
                // @formatter:on
            }
        };
    }

    /** deepenrich-component.adoc, Your own application: its routes. */
    static final class EnrichContactsRoutes extends RouteBuilder {

        @Override
        public void configure() {
            // @formatter:off
            // snippet:adoc-own-app-routes
            // a batch that failed: each row DeepEnrich did not take goes to the dead letters, with why
            onException(DeepEnrichException.class).handled(true)
                .setBody(method(FailedRows.class, "of"))
                .to("direct:dead-letters");

            from("file:{{contacts.dir}}?include=.*\\.jsonl")
                .split(body().tokenize("\n")).streaming()
                    .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop().completeAllOnStop()
                    .to("deepenrich:bulk")
                    // the rows of an accepted batch refused before sending (invalidContacts=skip)
                    .setBody(method(FailedRows.class, "refused"))
                    .to("direct:dead-letters");

            // each lead written once: a result delivered again, or answered again after a restart, is skipped
            from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                 + "&webhookPath={{deepenrich.webhook-path}}")
                .split(simple("${body.contacts}"))
                    .idempotentConsumer(simple("${body.custom[lead_id]}")).idempotentRepository("writtenLeads")
                            .eager(false).completionEager(true)
                        .convertBodyTo(String.class)
                        .to("file:{{output.dir}}?fileName=enriched.jsonl&fileExist=Append&appendChars=\\\\n");

            from("direct:dead-letters")
                .split(body())
                    .marshal().json()
                    .to("file:{{output.dir}}?fileName=dead-letters.jsonl&fileExist=Append&appendChars=\\\\n");
            // end:adoc-own-app-routes
            // @formatter:on
        }
    }

    /** deepenrich-component.adoc, Your own application: its main class. */
    static void ownApplication(String[] args) throws Exception {
        // snippet:adoc-own-app-main
        Main main = new Main();
        main.configure().addRoutesBuilder(new EnrichContactsRoutes());
        main.run(args);
        // end:adoc-own-app-main
    }

    /** deepenrich-component.adoc, Ledger and scale-out. */
    static void fileLedger(CamelContext context) {
        // snippet:adoc-file-ledger
        DeepEnrichComponent deepenrich = context.getComponent("deepenrich", DeepEnrichComponent.class);
        deepenrich.getConfiguration().setLedger(new FileDeepEnrichLedger(Path.of("data/deepenrich-ledger")));
        // end:adoc-file-ledger
    }
}
