package com.deepenrich.camel;

import java.nio.file.Path;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application that {@link InDoubtKillTest} kills: a webhook route on a file ledger (in the work dir) or a JDBC
 * ledger (a PostgreSQL URL), which appends each result it receives to {@code emitted.log} as
 * {@code <enrichment id> foreign=<header CamelDeepEnrichForeign>}; on start it may send single-contact bulk requests at
 * one request a minute, so that the first is written and the others wait for their rate-limit turn (system property
 * {@value #HOLD_TIMEOUT}: their personHoldTimeout).
 * <p>
 * Arguments: work dir, ledger ({@code file} or a {@code jdbc:postgresql:} URL), API base URL, HTTP port, number of
 * requests to send on start.
 */
public final class WireNode {

    static final String EMITTED = "emitted.log";
    /** System property: the bulk endpoint's personHoldTimeout in ms (a day unless given). */
    static final String HOLD_TIMEOUT = "wire.personHoldTimeout";

    private WireNode() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        DeepEnrichComponent component = WireMockApi.component(args[2]);
        component.getConfiguration().setLedger(ledger(work, args[1]));
        component.getConfiguration().setIdempotentRepository(
                FileIdempotentRepository.fileIdempotentRepository(work.resolve("seen.txt").toFile()));

        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        LocalHttpServer.addTo(context, Integer.parseInt(args[3]));
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("webhook:deepenrich:results?webhookComponentName=platform-http&webhookAutoRegister=false"
                     + "&webhookPath=/deepenrich/results&pollFallbackAfter=0")
                        .routeId("results")
                        .process(e -> CrashNode.append(work.resolve(EMITTED), e.getMessage().getHeader(
                                DeepEnrichConstants.ENRICHMENT_ID) + " foreign="
                                                                              + e.getMessage().getHeader(
                                                                                      DeepEnrichConstants.FOREIGN)));
            }
        });
        context.start();
        int requests = Integer.parseInt(args[4]);
        ProducerTemplate template = context.createProducerTemplate();
        for (int seq = 0; seq < requests; seq++) {
            template.asyncSendBody("deepenrich:bulk?name=wire&requestsPerMinute=1&personHoldTimeout="
                                   + System.getProperty(HOLD_TIMEOUT, "86400000"),
                    WireMockApi.contacts(seq, 1));
        }
        System.out.println("STARTED");
        Thread.sleep(60_000); // the test kills this process long before
        context.stop();
    }

    private static DeepEnrichLedger ledger(Path work, String kind) {
        if ("file".equals(kind)) {
            return new FileDeepEnrichLedger(work);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(kind);
        return new JdbcDeepEnrichLedger(dataSource);
    }
}
