package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;

/**
 * Ours with a results route whose results never come, each round in a Camel context and an in-memory ledger of its
 * own with room for the round's people, so that the person guard holds every person of every round (with one ledger
 * for the whole run, its store is full after the first 50,000 people and the rest are sent without a hold). The
 * context of the next round is made before it is measured ({@link #beforeRound}); the JIT's code is the JVM's, shared
 * by every context.
 */
final class FreshLedgerEachRound implements SubmitVariant, PeopleHolding {

    private final String name;
    private final String baseUrl;
    private final int roundSize;
    private ComponentSubmit current;

    FreshLedgerEachRound(String name, String baseUrl, int roundSize) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.roundSize = roundSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void beforeRound() throws Exception {
        close();
        current = new ComponentSubmit(name, baseUrl, "requestsPerMinute=0", null, true,
                new InMemoryDeepEnrichLedger(roundSize));
    }

    @Override
    public void submit(List<Map<String, Object>> contacts) throws Exception {
        current.submit(contacts);
    }

    @Override
    public People people() {
        return current.people();
    }

    @Override
    public void close() throws Exception {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
