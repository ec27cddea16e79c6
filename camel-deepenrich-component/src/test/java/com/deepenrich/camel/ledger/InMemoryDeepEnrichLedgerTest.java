package com.deepenrich.camel.ledger;

class InMemoryDeepEnrichLedgerTest extends DeepEnrichLedgerContract {

    @Override
    DeepEnrichLedger ledger() {
        return new InMemoryDeepEnrichLedger();
    }
}
