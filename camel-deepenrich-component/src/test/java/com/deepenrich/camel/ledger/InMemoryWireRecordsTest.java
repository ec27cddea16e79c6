package com.deepenrich.camel.ledger;

class InMemoryWireRecordsTest extends WireRecordsContract {

    @Override
    DeepEnrichLedger ledger() {
        return new InMemoryDeepEnrichLedger();
    }
}
