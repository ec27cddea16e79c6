package com.deepenrich.camel.util;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import com.deepenrich.camel.ForeignResultsPolicy;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the emitter reads what became of the route: the ledger decides, and a shutdown's rejection is not undone. */
class ResultEmitterTest {

    private static final String ID = "id-1";
    private static final String KEY = ID + ":FINISHED";

    private final InMemoryDeepEnrichLedger ledger = new InMemoryDeepEnrichLedger();
    private final MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
    private final List<String> routed = new ArrayList<>();

    private ResultEmitter emitter(AsyncProcessor route) {
        ledger.record(new PendingEnrichment(ID, "n", Instant.now(), 1));
        seen.start();
        return new ResultEmitter(ledger, seen, route, "me", ForeignResultsPolicy.emit, (result, key) -> {});
    }

    private ResultEmitter.Outcome emit(ResultEmitter emitter, CamelContext camel) throws Exception {
        EnrichmentResult result = DeepEnrichJson.mapper()
                .readValue("{\"id\": \"" + ID + "\", \"status\": \"FINISHED\", \"datas\": []}", EnrichmentResult.class);
        List<ResultEmitter.Outcome> outcome = new ArrayList<>();
        emitter.emit(new DefaultExchange(camel), result, false, outcome::add);
        return outcome.get(0);
    }

    private AsyncProcessor routeThatRejects() {
        return AsyncProcessorConverterHelper.convert(exchange -> {
            routed.add(ID);
            exchange.setException(new RejectedExecutionException());
        });
    }

    @Test
    void aResultTheLedgerStillHoldsIsEmittedThoughItsKeyIsSeen() throws Exception {
        ResultEmitter emitter = emitter(AsyncProcessorConverterHelper.convert((Exchange e) -> routed.add(ID)));
        seen.add(KEY); // a crash inside the route left it

        assertEquals(ResultEmitter.Outcome.EMITTED, emit(emitter, new DefaultCamelContext()));
        assertEquals(ResultEmitter.Outcome.DUPLICATE, emit(emitter, new DefaultCamelContext()));
        assertEquals(List.of(ID), routed);
        assertTrue(ledger.find(ID).isEmpty());
    }

    @Test
    void aRejectionByAStoppingCamelIsNeitherUndoneNorCompleted() throws Exception {
        ResultEmitter emitter = emitter(routeThatRejects());
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        camel.stop();

        assertEquals(ResultEmitter.Outcome.INTERRUPTED, emit(emitter, camel));
        assertFalse(seen.contains(KEY), "no key: whether the route finished is unknown, so a retry is emitted");
        assertTrue(ledger.find(ID).isPresent(), "still pending: emitted again after a restart");
        assertFalse(ledger.claim(ID, "another instance", Duration.ofMinutes(1)), "claimed until it expires");
    }

    @Test
    void aRejectionWhileCamelRunsIsARouteFailure() throws Exception {
        ResultEmitter emitter = emitter(routeThatRejects());
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        try {
            assertEquals(ResultEmitter.Outcome.FAILED, emit(emitter, camel));
        } finally {
            camel.stop();
        }
        assertFalse(seen.contains(KEY));
        assertTrue(ledger.claim(ID, "another instance", Duration.ofMinutes(1)), "given back at once");
    }
}
