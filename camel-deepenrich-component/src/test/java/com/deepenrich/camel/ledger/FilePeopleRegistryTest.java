package com.deepenrich.camel.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilePeopleRegistryTest extends PeopleRegistryContract {

    @TempDir
    Path dir;

    @Override
    PeopleRegistry people() {
        return new FileDeepEnrichLedger(dir.resolve("ledger.json")).people();
    }

    @Test
    void aRestartedLedgerFindsItsHoldsAndWaitingContactsInItsOwnFile() {
        Path file = dir.resolve("ledger.json");
        PeopleRegistry before = new FileDeepEnrichLedger(file).people();
        hold(before, "ann", "A");
        before.accepted("A", "id-1", List.of(held("ann", 2)), LATER);
        before.await("A", waiting("w1", "ann"));
        before.answer("id-1");

        PeopleRegistry after = new FileDeepEnrichLedger(file).people();

        assertTrue(Files.exists(dir.resolve("ledger.json.people.json")));
        assertEquals(before.holds(), after.holds());
        assertEquals(List.of(waiting("w1", "ann")), after.answer("id-1").get(0).waiting());
        assertEquals("B", hold(after, "ann", "B").holder(), "answered before the restart: still closed");
    }

    @Test
    void holdingPeopleWritesNothingUntilTheirRequestIsAccepted() {
        PeopleRegistry people = people();
        Path store = dir.resolve("ledger.json.people.json");
        for (int i = 0; i < 100; i++) { // one rewrite of the whole store per contact would grow with the store
            hold(people, "person-" + i, "A");
        }
        assertTrue(Files.notExists(store), "held people written before their request was accepted");

        people.accepted("A", "id-1", List.of(held("person-0", 0)), LATER);

        assertTrue(Files.exists(store), "the acceptance writes the store");
    }

    @Test
    void aHoldWhoseRequestWasNotAcceptedIsNotReadBackAfterARestart() {
        Path file = dir.resolve("ledger.json");
        PeopleRegistry before = new FileDeepEnrichLedger(file).people();
        hold(before, "ann", "A");
        before.await("A", waiting("w1", "ann"));

        PeopleRegistry after = new FileDeepEnrichLedger(file).people();

        assertEquals("B", hold(after, "ann", "B").holder(), "nothing would have sent A's request");
        after.accepted("B", "id-2", List.of(held("ann", 0)), LATER);
        assertEquals(List.of(waiting("w1", "ann")), after.answer("id-2").get(0).waiting(), "the contact still waits");
    }

    @Test
    void aRestartedLedgerFindsItsStoredResults() {
        Path file = dir.resolve("ledger.json");
        PeopleRegistry before = new FileDeepEnrichLedger(file).people();
        before.keep(awaitedResult("ann", "id-1", 0).found("{}", T0));
        before.keep(awaitedResult("bob", "id-2", 1));

        PeopleRegistry after = new FileDeepEnrichLedger(file).people();

        assertEquals(before.storedResult("ann", T0), after.storedResult("ann", T0));
        assertEquals(before.awaitedResults("id-2"), after.awaitedResults("id-2"));
    }
}
