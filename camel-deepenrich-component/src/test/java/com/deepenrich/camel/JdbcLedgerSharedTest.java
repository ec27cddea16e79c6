package com.deepenrich.camel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two application instances (two Camel contexts, each with its own in-memory idempotent repository) share one JDBC
 * ledger and poll the same ids: the ledger's claims alone make each result come out exactly once overall.
 */
class JdbcLedgerSharedTest {

    private final WireMockApi api = new WireMockApi();

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void twentyIdsPolledByTwoInstancesAreEachEmittedExactlyOnceOverall() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcDeepEnrichLedger ledger = new JdbcDeepEnrichLedger(database);
        ledger.start();
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> "id-" + i).toList();
        for (String id : ids) {
            ledger.record(new PendingEnrichment(id, "shared", Instant.now(), 1));
            ResultStubs.answerInTurn(api, id, ok(running(id, "IN_PROGRESS")), ok(finished(id)));
        }

        List<String> emitted = new ArrayList<>();
        try (ResultsApplication one = new ResultsApplication(api, new JdbcDeepEnrichLedger(database), true);
                ResultsApplication two = new ResultsApplication(api, new JdbcDeepEnrichLedger(database), true)) {
            await("every id emitted and off the ledger").until(
                    () -> one.emitted().size() + two.emitted().size() >= ids.size() && ledger.pending().isEmpty());
            one.close();
            two.close();
            emitted.addAll(one.emitted());
            emitted.addAll(two.emitted());
        }

        Map<String, Long> timesEmitted = emitted.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), timesEmitted);
        assertEquals(List.of(), ledger.pending());
    }
}
