package com.deepenrich.camel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.AggregateDefinition;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static com.deepenrich.camel.WireMockApi.contact;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A half-full group kept by a persistent JdbcAggregationRepository (H2) survives a restart of Camel: nothing held is
 * lost and nothing is sent twice.
 */
class DeepEnrichAggregationJdbcRestartTest {

    private final WireMockApi api = new WireMockApi();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    @BeforeEach
    void createRepositoryTables() throws Exception {
        dataSource.setURL("jdbc:h2:mem:aggregation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("aggregation", "aggregation_completed")) {
                s.execute("CREATE TABLE " + table + " (id VARCHAR(255) NOT NULL PRIMARY KEY, "
                          + "exchange BLOB NOT NULL, version BIGINT NOT NULL)");
            }
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        api.close();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private CamelContext startCamel(boolean forceCompletionOnStop) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("deepenrich", api.component());
        JdbcAggregationRepository repository = new JdbcAggregationRepository(
                new DataSourceTransactionManager(dataSource), "aggregation", dataSource);
        camel.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                AggregateDefinition batches = from("direct:contacts")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .aggregationRepository(repository).completionSize(100);
                if (forceCompletionOnStop) {
                    batches.forceCompletionOnStop();
                }
                batches.to("deepenrich:bulk");
            }
        });
        camel.start();
        return camel;
    }

    private int groupsHeld() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM aggregation")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void halfFullGroupIsSentAfterRestart() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        CamelContext first = startCamel(false);
        try (ProducerTemplate template = first.createProducerTemplate()) {
            for (int i = 0; i < 150; i++) {
                template.sendBody("direct:contacts", contact(i));
            }
        }
        await("the first full group").until(() -> api.bulkRequests().size() == 1);
        first.stop();

        assertEquals(List.of(100), api.bulkSizes(), "the 50 of the half-full group wait in the repository");
        assertEquals(1, groupsHeld());

        CamelContext second = startCamel(true);
        second.stop();

        assertEquals(List.of(100, 50), api.bulkSizes());
        assertEquals(IntStream.range(0, 150).boxed().toList(), api.seqsReceived(), "each contact sent exactly once");
        assertEquals(0, groupsHeld());
    }
}
