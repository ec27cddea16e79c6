package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.postgres.PostgresDatabase;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Two nodes, each its own Camel context and JDBC ledger on one PostgreSQL database, send at once: together they
 * never commit more than the one budget of their account.
 */
class CreditsBudgetTwoNodesOnPostgresTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    private static final String BULK = "deepenrich:bulk?name=leads&creditsBudget=1000&fingerprintWindow=0";

    private final WireMockApi api = new WireMockApi();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void twoNodesSendingAtOnceNeverCommitMoreThanTheirBudgetTogether() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        try (ResultsApplication a = node(); ResultsApplication b = node()) {
            ProducerTemplate toA = a.template();
            ProducerTemplate toB = b.template();

            // 16 requests of 100 contacts, each reserving 100 credits at worst, against a budget of 1000
            List<Exchange> sent = atOnce(16, i -> () -> (i % 2 == 0 ? toA : toB).request(BULK,
                    e -> e.getMessage().setBody(WireMockApi.contacts(i * 100, 100))));

            List<Exchange> accepted = sent.stream().filter(e -> e.getException() == null).toList();
            assertEquals(10, accepted.size());
            assertEquals(10, api.bulkRequests().size(), "the refused ones sent nothing");
            sent.stream().filter(e -> e.getException() != null).forEach(
                    e -> assertInstanceOf(DeepEnrichCreditsBudgetException.class, e.getException()));
            CreditsTotals total = new JdbcDeepEnrichLedger(POSTGRES.dataSource()).credits().totals(
                    AccountCredits.accountOf(api.baseUrl(), WireMockApi.API_KEY), "all");
            assertEquals(new CreditsTotals(1000, 0), total);
            assertNull(accepted.get(0).getException());
        }
    }

    private ResultsApplication node() throws Exception {
        return new ResultsApplication(api, new JdbcDeepEnrichLedger(POSTGRES.dataSource()), false);
    }
}
