package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The people being enriched right now, and the contacts waiting for them, so that a person is sent once at a time:
 * a submission holds each person it sends; a contact of the same person met meanwhile (in the same exchange, another
 * route, another node sharing the ledger) waits for that hold instead of being sent, and is answered with the
 * held person's result when it arrives. A hold belongs to one submission (its holder token) until it is answered,
 * released (its request was refused) or expires; waiting contacts belong to the person, not to a hold, so that when
 * a hold goes without an answer the next hold of the same person answers them. Implementations are thread-safe;
 * shared ones make {@link #hold} and {@link #await} atomic across processes, and {@link #answer} closes a hold so that
 * no contact can wait for it afterwards.
 */
public interface PeopleRegistry {

    /** Remembers nothing: every contact is sent (a ledger without a people store). */
    PeopleRegistry NONE = new PeopleRegistry() {

        @Override
        public PersonHold hold(String identity, String holder, boolean awaited, Instant now, Instant expiresAt) {
            return new PersonHold(identity, holder, awaited, null, -1, Map.of(), expiresAt);
        }

        @Override
        public void accepted(String holder, String enrichmentId, List<HeldPerson> people, Instant expiresAt) {
        }

        @Override
        public boolean await(String holder, WaitingContact waiting) {
            return false;
        }

        @Override
        public void withdraw(String holder, Collection<String> waitingIds) {
        }

        @Override
        public List<Answer> answer(String enrichmentId) {
            return List.of();
        }

        @Override
        public void answered(String enrichmentId, Collection<String> waitingIds) {
        }

        @Override
        public void forget(String enrichmentId) {
        }

        @Override
        public int purge(Instant now) {
            return 0;
        }

        @Override
        public List<PersonHold> holds() {
            return List.of();
        }

        @Override
        public List<WaitingContact> waiting() {
            return List.of();
        }
    };

    /**
     * Holds {@code identity} for {@code holder} until {@code expiresAt}, unless another holder's hold is open and
     * unexpired. Returns the hold now in force: the caller's own (taken now, or taken before by the same holder, as
     * on a redelivery) or the other holder's.
     */
    PersonHold hold(String identity, String holder, boolean awaited, Instant now, Instant expiresAt);

    /**
     * {@code holder}'s request holding {@code people} was accepted as {@code enrichmentId}: each hold points at it,
     * with the person's position in the request and custom fields, to find her in its result, and now lasts until
     * {@code expiresAt} (a hold not accepted yet lasts only as long as a request may wait to be sent).
     */
    void accepted(String holder, String enrichmentId, List<HeldPerson> people, Instant expiresAt);

    /**
     * Registers a contact waiting for its person while {@code holder} holds her (again under the same id: nothing
     * changes); false when that hold is gone, answered or another's, and the contact is not registered.
     */
    boolean await(String holder, WaitingContact waiting);

    /**
     * Gives back {@code holder}'s holds whose request was not accepted, and forgets the waiting contacts of these ids
     * (the submission that registered them failed and reports them unsent).
     */
    void withdraw(String holder, Collection<String> waitingIds);

    /**
     * The result of {@code enrichmentId} arrived: closes its holds (a contact can no longer wait for them) and returns
     * each held person with the contacts waiting for her. Asked again (a result emitted again after a crash), it
     * returns the same until {@link #answered}.
     */
    List<Answer> answer(String enrichmentId);

    /** The waiting contacts were emitted with the result: forgets them and the holds of {@code enrichmentId}. */
    void answered(String enrichmentId, Collection<String> waitingIds);

    /**
     * {@code enrichmentId} ended without enriching its people (credits ran out, canceled): its holds go, so that the
     * same people sent again are sent; contacts still waiting for them wait for the next hold.
     */
    void forget(String enrichmentId);

    /** Forgets the holds that expired before {@code now}; returns how many. Waiting contacts are kept. */
    int purge(Instant now);

    /** Every hold, for reports. */
    List<PersonHold> holds();

    /** Every waiting contact, oldest first, for reports. */
    List<WaitingContact> waiting();

    /** A person an accepted request holds: where she is in it, to find her in its result. */
    record HeldPerson(String identity, int position, Map<String, String> custom) {
    }

    /** A held person of an answered request, and the contacts waiting for her. */
    record Answer(PersonHold hold, List<WaitingContact> waiting) {
    }
}
