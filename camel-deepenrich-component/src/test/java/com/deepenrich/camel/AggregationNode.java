package com.deepenrich.camel;

import java.nio.file.Files;
import java.nio.file.Path;

import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The application that {@link AggregationRecoveryKillTest} kills: the canonical route
 * ({@code aggregate(100)} into {@code deepenrich:bulk}) on a persistent, recovering aggregation repository, with a
 * JDBC ledger and a JDBC idempotent repository, all on one PostgreSQL database, and a results route polling the
 * ledger. The results route appends each id it emits to {@code emitted.log} (synced). While the file
 * {@code block-after-bulk} exists, the step after {@code bulk} writes {@code accepted} and waits to be killed: the
 * group is accepted by the API and in the ledger, but its exchange is not confirmed to the aggregator.
 * <p>
 * Arguments: work dir, API base URL, JDBC URL, database user, fingerprintWindow (ms), first and end (exclusive)
 * seq of the contacts its main sends to the aggregator, {@value #MESSAGE_SIZE} a message, whether the results route
 * starts.
 */
public final class AggregationNode {

    static final String EMITTED = "emitted.log";
    static final String BLOCK_AFTER_BULK = "block-after-bulk";
    static final String ACCEPTED = "accepted";
    static final String SENT = "SENT";
    /** Contacts per message to the aggregator: each message rewrites the whole group in the repository. */
    private static final int MESSAGE_SIZE = 10;

    private AggregationNode() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[2]);
        dataSource.setUser(args[3]);

        DeepEnrichComponent component = WireMockApi.component(args[1]);
        DeepEnrichConfiguration cfg = component.getConfiguration();
        cfg.setFingerprintWindow(Long.parseLong(args[4]));
        cfg.setLedger(new JdbcDeepEnrichLedger(dataSource));
        cfg.setIdempotentRepository(new JdbcMessageIdRepository(dataSource, "aggregation-kill"));

        JdbcAggregationRepository groups = new JdbcAggregationRepository(
                new DataSourceTransactionManager(dataSource), "aggregation", dataSource);
        groups.setUseRecovery(true);
        groups.setRecoveryInterval(200);

        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:contacts").routeId("contacts")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .aggregationRepository(groups).completionSize(100).completionTimeout(1000)
                        .to("deepenrich:bulk")
                        .process(e -> {
                            if (Files.exists(work.resolve(BLOCK_AFTER_BULK))) {
                                CrashNode.append(work.resolve(ACCEPTED), "here");
                                Thread.sleep(60_000); // the test kills this process long before
                            }
                        });
                from("deepenrich:results?delay=50&initialDelay=0&firstReadAfter=0").routeId("results")
                        .autoStartup(args[7])
                        .process(e -> CrashNode.append(work.resolve(EMITTED),
                                e.getMessage().getBody(EnrichmentResult.class).getId()));
            }
        });
        context.start();
        System.out.println("STARTED");
        try (ProducerTemplate template = context.createProducerTemplate()) {
            int end = Integer.parseInt(args[6]);
            for (int seq = Integer.parseInt(args[5]); seq < end; seq += MESSAGE_SIZE) {
                template.sendBody("direct:contacts", WireMockApi.contacts(seq, Math.min(MESSAGE_SIZE, end - seq)));
            }
        }
        System.out.println(SENT);
        Thread.sleep(60_000); // the test kills this process long before
        context.stop();
    }
}
