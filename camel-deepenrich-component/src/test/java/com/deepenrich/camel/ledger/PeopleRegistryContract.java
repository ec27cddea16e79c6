package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.Concurrently.atOnce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger's people store must do; each implementation's test extends this. */
abstract class PeopleRegistryContract {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofHours(1));

    /** A fresh, empty store. */
    abstract PeopleRegistry people() throws Exception;

    static WaitingContact waiting(String id, String person) {
        return new WaitingContact(id, person, "{\"firstname\":\"Ann\",\"custom\":{\"row\":\"" + id + "\"}}", T0);
    }

    static PersonHold hold(PeopleRegistry people, String person, String holder) {
        return people.hold(person, holder, false, T0, LATER);
    }

    static PeopleRegistry.HeldPerson held(String person, int position) {
        return new PeopleRegistry.HeldPerson(person, position, Map.of("row", "r" + position));
    }

    @Test
    void aPersonIsHeldByOneHolderAtATime() throws Exception {
        PeopleRegistry people = people();

        assertEquals("A", hold(people, "ann", "A").holder());
        assertEquals("A", hold(people, "ann", "B").holder(), "B meets A's hold");
        assertEquals("A", hold(people, "ann", "A").holder(), "A holds her again (a redelivery)");
        assertEquals("B", hold(people, "bob", "B").holder());
    }

    @Test
    void anExpiredHoldIsTakenOver() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");

        assertEquals("B", people.hold("ann", "B", false, LATER, LATER.plusSeconds(60)).holder());
    }

    @Test
    void anAcceptedHoldLastsUntilItsNewExpiry() throws Exception {
        PeopleRegistry people = people();
        people.hold("ann", "A", false, T0, T0.plusSeconds(60));
        people.accepted("A", "id-1", List.of(held("ann", 0)), LATER);

        assertEquals("A", people.hold("ann", "B", false, T0.plusSeconds(120), LATER).holder());
    }

    @Test
    void aContactWaitingForAnAcceptedHoldIsAnsweredWithItsPersonsPlaceUntilEmitted() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");
        people.accepted("A", "id-1", List.of(held("ann", 3)), LATER);

        assertTrue(people.await("A", waiting("w1", "ann")));
        assertTrue(people.await("A", waiting("w1", "ann")), "registered again under the same id: once");
        assertFalse(people.await("B", waiting("w2", "ann")), "B does not hold her");

        List<PeopleRegistry.Answer> answers = people.answer("id-1");
        assertEquals(1, answers.size());
        assertEquals(3, answers.get(0).hold().position());
        assertEquals(Map.of("row", "r3"), answers.get(0).hold().custom());
        assertEquals(List.of(waiting("w1", "ann")), answers.get(0).waiting());
        assertFalse(people.await("A", waiting("w3", "ann")), "an answered hold takes no more waiting contacts");
        assertEquals(answers, people.answer("id-1"), "asked again (after a crash): the same");

        people.answered("id-1", List.of("w1"));
        assertTrue(people.waiting().isEmpty());
        assertTrue(people.holds().isEmpty());
    }

    @Test
    void anAnsweredHoldIsTakenOverBeforeItsResultIsEmitted() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");
        people.accepted("A", "id-1", List.of(held("ann", 0)), LATER);
        people.answer("id-1");

        assertEquals("B", hold(people, "ann", "B").holder());
    }

    @Test
    void aWithdrawnSubmissionGivesBackItsUnacceptedHoldsAndWaitingContacts() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");
        hold(people, "bob", "A");
        people.accepted("A", "id-1", List.of(held("ann", 0)), LATER);
        people.await("A", waiting("w1", "ann"));

        people.withdraw("A", List.of("w1"));

        assertEquals(List.of("ann"), people.holds().stream().map(PersonHold::identity).toList());
        assertTrue(people.waiting().isEmpty());
        assertEquals("B", hold(people, "bob", "B").holder());
    }

    @Test
    void contactsWaitingForAForgottenRequestWaitForTheNextHoldOfTheirPerson() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");
        people.accepted("A", "id-1", List.of(held("ann", 0)), LATER);
        people.await("A", waiting("w1", "ann"));

        people.forget("id-1");
        assertEquals("B", hold(people, "ann", "B").holder());
        people.accepted("B", "id-2", List.of(held("ann", 5)), LATER);

        assertEquals(List.of(waiting("w1", "ann")), people.answer("id-2").get(0).waiting());
    }

    @Test
    void purgeForgetsExpiredHolds() throws Exception {
        PeopleRegistry people = people();
        hold(people, "ann", "A");
        people.hold("bob", "A", false, T0, LATER.plusSeconds(1));

        assertEquals(1, people.purge(LATER));
        assertEquals(List.of("bob"), people.holds().stream().map(PersonHold::identity).toList());
    }

    @Test
    void manyHoldersAtOnceOneWins() throws Exception {
        PeopleRegistry people = people();

        List<String> holders = atOnce(8, i -> () -> hold(people, "ann", "H" + i).holder());

        assertEquals(1, holders.stream().distinct().count(), "all see the same holder: " + holders);
    }

    @Test
    void aContactWaitingAtTheMomentTheResultIsAnsweredIsEitherAnsweredOrRefused() throws Exception {
        PeopleRegistry people = people();
        for (int round = 0; round < 20; round++) {
            String id = "id-" + round;
            String person = "p" + round;
            hold(people, person, "A");
            people.accepted("A", id, List.of(held(person, 0)), LATER);
            WaitingContact w = waiting("w" + round, person);

            List<Object> raced = atOnce(2, i -> i == 0 ? () -> people.await("A", w) : () -> people.answer(id));

            boolean registered = (Boolean) raced.get(0);
            boolean answered = people.answer(id).stream().anyMatch(a -> a.waiting().contains(w));
            assertEquals(registered, answered, "round " + round + ": registered means answered");
        }
    }
}
