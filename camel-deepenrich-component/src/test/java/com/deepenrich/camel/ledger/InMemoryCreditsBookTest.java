package com.deepenrich.camel.ledger;

class InMemoryCreditsBookTest extends CreditsBookContract {

    private CreditsBook book;

    @Override
    CreditsBook book() {
        book = new InMemoryDeepEnrichLedger().credits();
        return book;
    }

    @Override
    CreditsBook another() {
        return book;
    }
}
