package com.deepenrich.camel.examples.benchmarks;

/** A variant of ours, whose person guard may hold people in its ledger's people store. */
interface PeopleHolding {

    /** The people the ledger's store holds now, and those sent without a hold since the start (the store full). */
    People people();

    /** What the person guard holds: people held now, and people sent without a hold so far. */
    record People(long held, long sentWithoutHold) {
    }
}
