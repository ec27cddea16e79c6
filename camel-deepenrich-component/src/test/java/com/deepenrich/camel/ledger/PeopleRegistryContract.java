package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.deepenrich.camel.ledger.PeopleRegistry.Answer;
import com.deepenrich.camel.ledger.PeopleRegistry.Entrant;
import com.deepenrich.camel.ledger.PeopleRegistry.Entry;
import com.deepenrich.camel.ledger.PeopleRegistry.HeldPerson;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.Concurrently.atOnce;
import static com.deepenrich.camel.ledger.PeopleRegistry.Entry.HELD;
import static com.deepenrich.camel.ledger.PeopleRegistry.Entry.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger's people store must do; each implementation's test extends this. */
abstract class PeopleRegistryContract {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofHours(1));
    static final Duration KEEP = Duration.ofDays(1);

    /** A fresh, empty store. */
    abstract PeopleRegistry people() throws Exception;

    /** What another instance sharing the last {@link #people()}'s storage uses (the same store where none can share). */
    abstract PeopleRegistry another() throws Exception;

    static WaitingContact waiting(String id, String person) {
        return new WaitingContact(id, person, Map.of("row", id), T0);
    }

    /** A person of a batch, with the contacts that wait for her when another holder holds her. */
    static Entrant entrant(String person, WaitingContact... contacts) {
        return new Entrant(person, List.of(contacts));
    }

    static List<Entry> enter(PeopleRegistry people, String holder, Entrant... entrants) {
        return people.enter(holder, List.of(entrants), T0, LATER);
    }

    static HeldPerson held(String person, int position) {
        return new HeldPerson(person, position, Map.of("row", "r" + position));
    }

    static List<String> holders(PeopleRegistry people) {
        return people.holds().stream().map(h -> h.identity() + "=" + h.holder()).toList();
    }

    static StoredResult found(String person, String contact, Instant foundAt) {
        return new StoredResult(person, List.of("contact.emails"), contact, foundAt, foundAt.plus(KEEP));
    }

    @Test
    void aBatchHoldsThePeopleNobodyHoldsAndItsContactsOfPeopleHeldElsewhereWait() throws Exception {
        PeopleRegistry people = people();
        assertEquals(List.of(HELD, HELD), enter(people, "A", entrant("ann"), entrant("bob")));

        assertEquals(List.of(WAITING, HELD),
                enter(people, "B", entrant("bob", waiting("b0", "bob"), waiting("b1", "bob")), entrant("cid")));

        assertEquals(List.of("ann=A", "bob=A", "cid=B"), holders(people));
        assertEquals(List.of(waiting("b0", "bob"), waiting("b1", "bob")), people.waiting());
        assertEquals(new PeopleRegistry.Counts(3, 2), people.counts());
    }

    @Test
    void aHeldPersonsContactsOfTheBatchButTheFirstWaitForHer() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("bob"));

        assertEquals(List.of(HELD, HELD), people.enter("B", List.of(
                entrant("ann", waiting("b0", "ann"), waiting("b1", "ann"), waiting("b2", "ann")),
                entrant("bob", waiting("b3", "bob"), waiting("b4", "bob"))), LATER, LATER.plusSeconds(60)),
                "ann held now, bob's expired hold taken over");

        assertEquals(List.of(waiting("b1", "ann"), waiting("b2", "ann"), waiting("b4", "bob")), people.waiting());
        people.assign("B", "k1", List.of(held("ann", 0), held("bob", 1)), Duration.ZERO);
        assertEquals(List.of(waiting("b1", "ann"), waiting("b2", "ann")), people.answer("k1").get(0).waiting());
    }

    @Test
    void aRedeliveryEntersItsOwnHoldsAgainAsTheyAre() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"));
        people.assign("A", "k1", List.of(held("ann", 2)), KEEP);

        for (int delivery = 0; delivery < 2; delivery++) {
            assertEquals(List.of(HELD), people.enter("A", List.of(entrant("ann", waiting("a0", "ann"),
                    waiting("a1", "ann"))), LATER.plusSeconds(1), LATER.plusSeconds(60)));
        }

        PersonHold hold = people.holds().get(0);
        assertEquals("k1", hold.requestKey(), "still pointing at its request");
        assertEquals(LATER, hold.expiresAt());
        assertEquals(List.of(waiting("a1", "ann")), people.waiting(), "her repeat registered once");
    }

    @Test
    void anExpiredHoldIsTakenOver() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"));

        assertEquals(List.of(HELD), people.enter("B", List.of(entrant("ann", waiting("b0", "ann"))), LATER,
                LATER.plusSeconds(60)));

        assertEquals(List.of(PersonHold.unassigned("ann", "B", LATER.plusSeconds(60))), people.holds());
        assertTrue(people.waiting().isEmpty());
    }

    @Test
    void anAnsweredHoldIsTakenOverAndTakesNoMoreWaitingContacts() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"));
        people.assign("A", "k1", List.of(held("ann", 0)), Duration.ZERO);
        people.answer("k1");

        assertEquals(List.of(HELD), enter(people, "B", entrant("ann", waiting("b0", "ann"))));

        assertEquals(List.of("ann=B"), holders(people));
        assertTrue(people.waiting().isEmpty());
    }

    @Test
    void assignPointsTheHoldersHoldsAtItsRequestAndExtendKeepsThemUntilTheNewExpiry() throws Exception {
        PeopleRegistry people = people();
        people.enter("A", List.of(entrant("ann"), entrant("bob")), T0, T0.plusSeconds(60));
        enter(people, "B", entrant("cid"));

        people.assign("A", "k1", List.of(held("ann", 0), held("bob", 1), held("cid", 2)), KEEP);
        people.extend("k1", LATER);
        people.extend("k1", T0.plusSeconds(90)); // an earlier expiry does not shorten them

        assertEquals(List.of(new PersonHold("ann", "A", "k1", 0, Map.of("row", "r0"), KEEP, LATER),
                new PersonHold("bob", "A", "k1", 1, Map.of("row", "r1"), KEEP, LATER),
                PersonHold.unassigned("cid", "B", LATER)), people.holds(), "B's hold is B's");
        assertEquals(List.of(WAITING), people.enter("C", List.of(entrant("ann", waiting("c0", "ann"))),
                T0.plusSeconds(120), LATER), "held past her first expiry");
    }

    @Test
    void answerReturnsEachPersonWithTheContactsWaitingForHerTheSameUntilAnswered() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"), entrant("bob"));
        people.assign("A", "k1", List.of(held("ann", 0), held("bob", 1)), KEEP);
        enter(people, "B", entrant("ann", waiting("b0", "ann"), waiting("b1", "ann")));

        List<Answer> answers = people.answer("k1");

        assertEquals(List.of(new Answer(new PersonHold("ann", "A", "k1", 0, Map.of("row", "r0"), KEEP, LATER),
                List.of(waiting("b0", "ann"), waiting("b1", "ann"))),
                new Answer(new PersonHold("bob", "A", "k1", 1, Map.of("row", "r1"), KEEP, LATER), List.of())),
                answers);
        assertEquals(answers, people.answer("k1"), "asked again (a result emitted again after a crash): the same");

        people.answered("k1", List.of("b0", "b1"));

        assertTrue(people.holds().isEmpty());
        assertTrue(people.waiting().isEmpty());
        assertEquals(List.of(), people.answer("k1"));
    }

    @Test
    void forgetKeepsTheWaitingContactsForTheNextHoldOfTheirPerson() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"));
        people.assign("A", "k1", List.of(held("ann", 0)), Duration.ZERO);
        enter(people, "B", entrant("ann", waiting("b0", "ann")));

        people.forget("k1");

        assertTrue(people.holds().isEmpty());
        assertEquals(List.of(HELD), enter(people, "C", entrant("ann")));
        people.assign("C", "k2", List.of(held("ann", 5)), Duration.ZERO);
        assertEquals(List.of(waiting("b0", "ann")), people.answer("k2").get(0).waiting());
    }

    @Test
    void withdrawGivesBackTheHoldsThatPointAtNoRequestAndForgetsTheGivenWaitingContacts() throws Exception {
        PeopleRegistry people = people();
        enter(people, "B", entrant("cid"));
        enter(people, "A", entrant("ann"), entrant("bob"), entrant("cid", waiting("a2", "cid")));
        people.assign("A", "k1", List.of(held("ann", 0)), Duration.ZERO);

        people.withdraw("A", List.of("a2"));

        assertEquals(List.of("ann=A", "cid=B"), holders(people));
        assertTrue(people.waiting().isEmpty());
        assertEquals(List.of(HELD), enter(people, "D", entrant("bob")));
    }

    @Test
    void purgeForgetsExpiredHoldsAndTakesOutTheContactsNoHoldWillAnswer() throws Exception {
        PeopleRegistry people = people();
        enter(people, "A", entrant("ann"));
        people.enter("A", List.of(entrant("bob")), T0, LATER.plusSeconds(60));
        enter(people, "B", entrant("ann", waiting("b0", "ann")), entrant("bob", waiting("b1", "bob")));

        assertEquals(List.of(), people.purge(LATER, T0), "nothing waits since before T0");
        assertEquals(List.of("bob=A"), holders(people), "ann's expired hold is gone");

        assertEquals(List.of(waiting("b0", "ann")), people.purge(LATER, LATER),
                "ann's contact waits for no hold; bob's hold is open");
        assertEquals(List.of(waiting("b1", "bob")), people.waiting());
        assertEquals(List.of(), people.purge(LATER, LATER), "taken out once");
    }

    @Test
    void twoHoldersEnteringTheSamePeopleAtOnceHoldEachPersonOnce() throws Exception {
        PeopleRegistry first = people();
        PeopleRegistry second = another();
        for (int round = 0; round < 5; round++) {
            String prefix = "r" + round + "-";
            List<Entrant> batch = IntStream.range(0, 50)
                    .mapToObj(i -> entrant(prefix + i, waiting(prefix + "w" + i, prefix + i))).toList();
            List<Entrant> reversed = new ArrayList<>(batch);
            Collections.reverse(reversed);

            List<List<Entry>> entries = atOnce(2, i -> i == 0
                    ? () -> first.enter("A", batch, T0, LATER)
                    : () -> second.enter("B", reversed, T0, LATER));

            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                Entry ofA = entries.get(0).get(i);
                Entry ofB = entries.get(1).get(batch.size() - 1 - i);
                assertTrue(ofA == HELD ^ ofB == HELD, "round " + round + ", person " + i + ": " + ofA + ", " + ofB);
                expected.put(prefix + i, ofA == HELD ? "A" : "B");
            }
            for (PersonHold hold : first.holds()) {
                if (hold.identity().startsWith(prefix)) {
                    assertEquals(expected.remove(hold.identity()), hold.holder(), hold.identity());
                }
            }
            assertEquals(Map.of(), expected, "each person held");
        }
    }

    @Test
    void aContactEnteredWhileItsPersonsResultIsAnsweredIsEitherAnsweredOrHeld() throws Exception {
        PeopleRegistry people = people();
        PeopleRegistry other = another();
        for (int round = 0; round < 20; round++) {
            String key = "k" + round;
            String person = "p" + round;
            enter(people, "A", entrant(person));
            people.assign("A", key, List.of(held(person, 0)), Duration.ZERO);
            WaitingContact w = waiting("w" + round, person);

            List<Object> raced = atOnce(2, i -> i == 0
                    ? () -> enter(other, "B", entrant(person, w)).get(0)
                    : () -> people.answer(key));

            boolean answered = people.answer(key).stream().anyMatch(a -> a.waiting().contains(w));
            assertEquals(raced.get(0) == WAITING, answered, "round " + round + ": waiting means answered");
        }
    }

    @Test
    void aLargeCustomMapIsKeptWhole() throws Exception {
        PeopleRegistry people = people();
        Map<String, String> custom = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            custom.put("field-" + i, Character.toString('a' + i).repeat(99) + "\u00e9");
        }
        enter(people, "A", entrant("ann"));
        enter(people, "B", entrant("ann", new WaitingContact("b0", "ann", custom, T0)));
        people.assign("A", "k1", List.of(new HeldPerson("ann", 0, custom)), Duration.ZERO);

        Answer answer = people.answer("k1").get(0);

        assertEquals(custom, answer.hold().custom());
        assertEquals(custom, answer.waiting().get(0).custom());
    }

    @Test
    void storedResultsAreReadManyAtOnceUntilTheyExpire() throws Exception {
        PeopleRegistry people = people();
        StoredResult ann = found("ann", "{\"outcome\":\"FOUND\",\"n\":1}", T0);
        StoredResult bob = found("bob", "{\"outcome\":\"FOUND\",\"n\":2}", T0.plusSeconds(10));
        people.keep(List.of(ann, bob));

        assertEquals(Map.of("ann", ann, "bob", bob), people.storedResults(List.of("ann", "bob", "cid"), T0));
        assertEquals(Map.of("bob", bob), people.storedResults(List.of("ann", "bob"), T0.plus(KEEP)),
                "ann's expired with her window");
        assertEquals(ann, people.storedResult("ann", T0).orElseThrow());
    }

    @Test
    void aPersonHasOneStoredResultHerLatest() throws Exception {
        PeopleRegistry people = people();
        people.keep(List.of(found("ann", "{\"n\":1}", T0)));
        people.keep(
                List.of(found("ann", "{\"n\":2}", T0.plusSeconds(1)), found("ann", "{\"n\":3}", T0.plusSeconds(2))));

        assertEquals(found("ann", "{\"n\":3}", T0.plusSeconds(2)), people.storedResult("ann", T0).orElseThrow());
    }

    @Test
    void aLongEnrichedContactIsKeptWhole() throws Exception {
        PeopleRegistry people = people();
        String contact = "{\"profile\":\"" + "x".repeat(40_000) + "\u00e9\"}";
        people.keep(List.of(found("ann", contact, T0)));

        assertEquals(contact, people.storedResult("ann", T0).orElseThrow().contact());
    }

    @Test
    void expiredStoredResultsArePurgedAndAllCanBe() throws Exception {
        PeopleRegistry people = people();
        people.keep(List.of(found("ann", "{}", T0), found("bob", "{}", T0.plus(KEEP))));

        assertEquals(1, people.purgeResults(T0.plus(KEEP)));
        assertEquals(List.of("bob"), List.copyOf(people.storedResults(List.of("ann", "bob"), T0).keySet()));
        assertEquals(1, people.purgeResults(Instant.MAX));
        assertTrue(people.storedResults(List.of("ann", "bob"), T0).isEmpty());
    }
}
