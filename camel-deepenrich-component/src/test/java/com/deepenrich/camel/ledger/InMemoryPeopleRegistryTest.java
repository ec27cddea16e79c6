package com.deepenrich.camel.ledger;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ledger.PeopleRegistry.Entry.HELD;
import static com.deepenrich.camel.ledger.PeopleRegistry.Entry.UNHELD;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InMemoryPeopleRegistryTest extends PeopleRegistryContract {

    private PeopleRegistry people;

    @Override
    PeopleRegistry people() {
        people = new InMemoryDeepEnrichLedger().people();
        return people;
    }

    /** One process: the same store. */
    @Override
    PeopleRegistry another() {
        return people;
    }

    @Test
    void aFullStoreSendsAPersonWithoutAHold() {
        PeopleRegistry bounded = new InMemoryDeepEnrichLedger(1).people();

        assertEquals(List.of(HELD, UNHELD), enter(bounded, "A", entrant("ann"),
                entrant("bob", waiting("a1", "bob"), waiting("a2", "bob"))));
        assertEquals(List.of("ann=A"), holders(bounded));
        assertEquals(List.of(), bounded.waiting(), "each of bob's contacts is sent");
    }

    @Test
    void aFullStoreOfResultsLetsTheOneStoredFirstGo() {
        PeopleRegistry bounded = new InMemoryDeepEnrichLedger(1, 2).people();

        bounded.keep(List.of(found("ann", "{}", T0), found("bob", "{}", T0)));
        bounded.keep(List.of(found("ann", "{\"again\":1}", T0))); // stored again: now the last stored
        bounded.keep(List.of(found("cid", "{}", T0)));

        assertEquals(Set.of("ann", "cid"), bounded.storedResults(List.of("ann", "bob", "cid"), T0).keySet());
    }
}
