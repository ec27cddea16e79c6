package com.deepenrich.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes (two Camel contexts, each its own JDBC ledger object) on one PostgreSQL database send overlapping
 * contacts at the same moment: people 0-149 from node A, people 50-199 spelled another way from node B; then each node
 * polls the results. Each person is sent once overall, and every contact is answered once, by one node's route.
 */
@Timeout(90)
class PeopleOnTwoNodesTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private final WireMockApi api = new WireMockApi();
    private final List<EnrichedContact> answered = new CopyOnWriteArrayList<>();
    private final List<CamelContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(CamelContext::stop);
        api.close();
    }

    private CamelContext node() throws Exception {
        DeepEnrichComponent component = api.component();
        component.getConfiguration().setLedger(new JdbcDeepEnrichLedger(POSTGRES.dataSource()));
        CamelContext context = new DefaultCamelContext();
        context.addComponent("deepenrich", component);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("deepenrich:results?delay=50&initialDelay=0").routeId("results").autoStartup(false)
                        .process(e -> answered.addAll(
                                e.getMessage().getBody(EnrichmentResult.class).getContacts()));
            }
        });
        context.start();
        nodes.add(context);
        return context;
    }

    @Test
    void overlappingContactsSentAtOnceFromTwoNodesAreEachPersonSentOnceAndEveryContactAnswered() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, "FINISHED");
        CamelContext a = node();
        CamelContext b = node();
        List<Contact> fromA = WireMockApi.contacts(0, 150);
        List<Contact> fromB = IntStream.range(50, 200).mapToObj(i -> WireMockApi.respelled(i, 1000 + i)).toList();

        atOnce(2, i -> () -> (i == 0 ? a : b).createProducerTemplate().requestBody("deepenrich:bulk",
                i == 0 ? fromA : fromB));
        for (CamelContext node : nodes) { // the results come once both are sent: the requests are in flight together
            node.getRouteController().startRoute("results");
        }

        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(POSTGRES.dataSource());
        await("every contact answered").atMost(Duration.ofSeconds(30)).until(() -> "answered " + answered.size()
                                                                                   + ", requests " + api.bulkSizes()
                                                                                   + ", pending " + ledger.pending()
                                                                                   + ", waiting "
                                                                                   + ledger.people().waiting().size()
                                                                                   + ", holds "
                                                                                   + ledger.people().holds().size(),
                state -> answered.size() >= 300);
        Map<Integer, Long> timesSent = api.seqsReceived().stream()
                .collect(Collectors.groupingBy(seq -> seq % 1000, Collectors.counting()));
        assertEquals(IntStream.range(0, 200).boxed().collect(Collectors.toMap(Function.identity(), p -> 1L)),
                timesSent, "each person sent once");
        List<Integer> expected = new ArrayList<>(IntStream.range(0, 150).boxed().toList());
        IntStream.range(1050, 1200).forEach(expected::add);
        assertEquals(expected, answered.stream().map(c -> Integer.parseInt(c.getCustom().get("seq"))).sorted()
                .toList(), "every contact answered once");
        for (EnrichedContact c : answered) {
            int person = Integer.parseInt(c.getCustom().get("seq")) % 1000;
            assertEquals("first" + person + ".last" + person + "@example.com",
                    c.getMostProbableEmail().replace(" ", ""), "her own result: " + c.getCustom());
        }
    }
}
