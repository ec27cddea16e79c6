package com.deepenrich.camel;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;

/** A result that overtakes its request's answer, on the in-memory ledger. */
class InMemoryResultBeforeAnswerTest extends ResultBeforeAnswerTest {

    @Override
    DeepEnrichLedger newLedger() {
        return new InMemoryDeepEnrichLedger();
    }
}
