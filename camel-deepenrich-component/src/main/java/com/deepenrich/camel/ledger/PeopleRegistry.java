package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people being enriched right now, and the contacts waiting for them, so that a person is sent once at a time
 * across exchanges: a submission holds each person it sends; a contact of the same person met meanwhile (another
 * exchange, another node sharing the ledger) waits for that hold instead of being sent, and is answered with the held
 * person's result when it arrives.
 * <p>
 * A hold belongs to one submission (its holder token). Before the request she is sent in leaves, her hold points at
 * that request's key (the suffix of its name, see {@code RequestNames}): the request's result, whenever it arrives
 * and whoever receives it, finds her by that key, whether or not the answer with its enrichment id was recorded yet.
 * A hold goes when its request's result was emitted, when its request was refused or ended unenriched, or when it
 * expires. Waiting contacts belong to the person, not to a hold: when a hold goes without an answer, the next hold of
 * the same person answers them; when none does within the hold timeout, {@link #purge} takes them out to be reported.
 * <p>
 * Implementations are thread-safe; each method is one step (one transaction in a database): shared ones make
 * {@link #enter} atomic across processes, and {@link #answer} closes the request's holds so that no contact can wait
 * for them afterwards. With {@code reuseResultsWithin} the store also keeps each person's latest found result
 * ({@link StoredResult}), so that she is answered from it without a request while it is recent.
 */
public interface PeopleRegistry {

    /** Remembers nothing: every contact is sent (a ledger without a people store). */
    PeopleRegistry NONE = new PeopleRegistry() {

        @Override
        public List<Entry> enter(String holder, List<Entrant> people, Instant now, Instant expiresAt) {
            return Collections.nCopies(people.size(), Entry.UNHELD);
        }

        @Override
        public void assign(String holder, String requestKey, List<HeldPerson> people, Duration keepResultsFor) {
        }

        @Override
        public void extend(String requestKey, Instant expiresAt) {
        }

        @Override
        public void withdraw(String holder, Collection<String> waitingIds) {
        }

        @Override
        public List<Answer> answer(String requestKey) {
            return List.of();
        }

        @Override
        public void answered(String requestKey, Collection<String> waitingIds) {
        }

        @Override
        public void forget(String requestKey) {
        }

        @Override
        public List<WaitingContact> purge(Instant now, Instant waitingBefore) {
            return List.of();
        }

        @Override
        public List<PersonHold> holds() {
            return List.of();
        }

        @Override
        public List<WaitingContact> waiting() {
            return List.of();
        }

        @Override
        public Counts counts() {
            return new Counts(0, 0);
        }

        @Override
        public void keep(Collection<StoredResult> results) {
        }

        @Override
        public Map<String, StoredResult> storedResults(Collection<String> identities, Instant now) {
            return Map.of();
        }

        @Override
        public int purgeResults(Instant now) {
            return 0;
        }
    };

    /** What became of a person entered. */
    enum Entry {
        /**
         * Held for the holder (now, or already, as on a redelivery): her first contact is sent, her other contacts of
         * the batch are registered as waiting for her.
         */
        HELD,
        /** Another holder holds her: all her contacts of the batch wait for that hold, registered in the store. */
        WAITING,
        /** Not held (the store keeps no more holds): nothing is registered, each of her contacts is sent. */
        UNHELD
    }

    /**
     * A person of a batch ({@code identity}: her identity with the enrich fields asked), and her contacts of the batch
     * in input order, as they wait for her (see {@link Entry}). The list may make each contact when it is read: a
     * store reads only those it registers.
     */
    record Entrant(String identity, List<WaitingContact> contacts) {
    }

    /** A person of a request: her place in it and custom fields, to find her in its result. */
    record HeldPerson(String identity, int position, Map<String, String> custom) {

        public HeldPerson {
            custom = custom == null ? Map.of() : Map.copyOf(custom);
        }
    }

    /** A held person of an answered request, and the contacts waiting for her (none, maybe). */
    record Answer(PersonHold hold, List<WaitingContact> waiting) {
    }

    /** How many people are held, and how many contacts wait for them. */
    record Counts(long held, long waiting) {
    }

    /**
     * Enters a batch's distinct people for {@code holder}, in one step: each person no open, unexpired hold of
     * another holder holds is held for {@code holder} until {@code expiresAt} ({@link Entry#HELD}; her own hold of
     * {@code holder} stays as it is), and her contacts but the first are registered as waiting for her; each person
     * another holder holds waits: all the entrant's contacts are registered as waiting for her
     * ({@link Entry#WAITING}). A store that keeps no more holds answers {@link Entry#UNHELD} and registers nothing.
     * Returns one entry per entrant, in order.
     */
    List<Entry> enter(String holder, List<Entrant> people, Instant now, Instant expiresAt);

    /**
     * {@code holder}'s request of key {@code requestKey} is about to be sent with {@code people}: each of their holds
     * points at it, with her place in it, and her result is kept {@code keepResultsFor} (zero: not kept) when it
     * arrives.
     */
    void assign(String holder, String requestKey, List<HeldPerson> people, Duration keepResultsFor);

    /**
     * The request of {@code requestKey} was accepted by the API (its result will come):
     * its people stay held until {@code expiresAt}.
     */
    void extend(String requestKey, Instant expiresAt);

    /**
     * Gives back {@code holder}'s holds that point at no request, and forgets the waiting contacts of these ids (the
     * submission that registered them failed and reports them unsent).
     */
    void withdraw(String holder, Collection<String> waitingIds);

    /**
     * The result of the request of {@code requestKey} arrived: closes its holds (a contact can no longer wait for
     * them) and returns each of its people with the contacts waiting for her. Asked again (a result emitted again
     * after a crash), it returns the same until {@link #answered}.
     */
    List<Answer> answer(String requestKey);

    /** The result was emitted with its waiting contacts: forgets them and the request's holds. */
    void answered(String requestKey, Collection<String> waitingIds);

    /**
     * The request of {@code requestKey} was refused, or ended without enriching its people (credits ran out,
     * canceled): its holds go, so that the same people sent again are sent; contacts still waiting for them wait for
     * the next hold of their person.
     */
    void forget(String requestKey);

    /**
     * Forgets the holds expired at {@code now}, and takes out the contacts waiting since before
     * {@code waitingBefore} for a person no open, unexpired hold holds: nothing will answer them. Returns those
     * contacts, for the caller to report.
     */
    List<WaitingContact> purge(Instant now, Instant waitingBefore);

    /** Every hold, for reports. */
    List<PersonHold> holds();

    /** Every waiting contact, oldest first, for reports. */
    List<WaitingContact> waiting();

    /** How many people are held and contacts waiting, without listing them. */
    Counts counts();

    /** Keeps found results ({@code reuseResultsWithin}), each in place of any earlier one of the same person. */
    void keep(Collection<StoredResult> results);

    /** The stored results of these people (identities without the enrich fields) unexpired at {@code now}. */
    Map<String, StoredResult> storedResults(Collection<String> identities, Instant now);

    /** The person's stored result, unless it expired at {@code now}. */
    default Optional<StoredResult> storedResult(String identity, Instant now) {
        return Optional.ofNullable(storedResults(List.of(identity), now).get(identity));
    }

    /**
     * Forgets the stored results that expired at {@code now}; returns how many. {@code Instant.MAX} forgets them all.
     */
    int purgeResults(Instant now);
}
