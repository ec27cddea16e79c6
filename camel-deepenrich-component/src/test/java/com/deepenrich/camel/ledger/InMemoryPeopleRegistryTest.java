package com.deepenrich.camel.ledger;

class InMemoryPeopleRegistryTest extends PeopleRegistryContract {

    @Override
    PeopleRegistry people() {
        return new InMemoryDeepEnrichLedger().people();
    }
}
