package com.deepenrich.camel.producer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.client.BulkRequest;
import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.PeopleRegistry.Entrant;
import com.deepenrich.camel.ledger.PeopleRegistry.Entry;
import com.deepenrich.camel.ledger.PeopleRegistry.HeldPerson;
import com.deepenrich.camel.ledger.StoredResult;
import com.deepenrich.camel.ledger.WaitingContact;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.PersonIdentity;
import com.deepenrich.camel.model.SubmissionProgress;
import org.apache.camel.Exchange;

/**
 * Decides, before a batch is sent, which of its contacts need a request: a person is sent once at a time.
 * <ul>
 * <li>Within the exchange: a person met twice is sent once, her repeats answered with her result.</li>
 * <li>Across exchanges ({@link Scope#ACROSS_EXCHANGES}): each person sent is held in the ledger's people store; a
 * contact whose person another exchange (or node) holds waits for that hold instead of being sent. The waiting
 * contacts, and a held person's repeats, are registered in the store and answered by whoever emits the holding
 * request's result. Only where someone can emit it: a results consumer of the same ledger in this component, or a
 * ledger shared with other nodes; a hold nobody can answer would only cost memory.</li>
 * <li>With {@code reuseResultsWithin}: a contact whose person has a stored result found within the window, for the
 * same or more enrich fields, is answered from it ({@link Reused}).</li>
 * </ul>
 * The holder token is kept in the exchange, so a redelivery finds its own holds again and sends the same requests
 * (which the fingerprint then recognises).
 */
final class PersonGuard {

    /**
     * How long a person stays held before her request is formed and sent: the pending batches and the rate limiter
     * send it long before; a node that died before sending it leaves a hold nobody would answer.
     */
    static final Duration UNSENT_HOLD = Duration.ofMinutes(10);

    /** Exchange property: the token under which this exchange holds its people (kept across redeliveries). */
    static final String HOLDER = "CamelDeepEnrichPersonHolder";

    /** How far the guard reaches for one exchange. */
    enum Scope {
        /** Every contact is sent (the guard is off, or nothing here could answer a repeated person). */
        OFF,
        /** A person is sent once per exchange; the exchange answers her repeats itself (it awaits its results). */
        WITHIN_EXCHANGE,
        /** A person is sent once at a time, whichever exchange or node meets her (see the class comment). */
        ACROSS_EXCHANGES
    }

    /**
     * A contact not sent: its position in the batch, and where its answer comes from: the contact sent for her in
     * this batch ({@code sender}, a position among the contacts sent), or a waiting contact of the people store
     * ({@code sender} -1).
     */
    record Deduplicated(int index, Contact contact, Object sourceItem, int sender) {
    }

    /** A contact not sent: its position in the batch, answered from her person's stored result. */
    record Reused(int index, Object sourceItem, EnrichedContact answer) {
    }

    /**
     * The batch split: what to send, which of the contacts sent are held across exchanges (by position among them,
     * with their identities), what is deduplicated or reused, the ids of the contacts registered as waiting, and how
     * many people were sent without a hold because the store was full.
     */
    record Split(PreparedBatch toSend, BitSet held, List<String> identities, List<Deduplicated> deduplicated,
                 List<String> waitingIds, List<Reused> reused, int unheld) {

        /** The held people of request {@code chunk} (of {@code size} contacts each), with their place in it. */
        List<HeldPerson> heldIn(int chunk, int size) {
            List<HeldPerson> people = new ArrayList<>();
            int from = chunk * size;
            int to = Math.min(toSend.contacts().size(), from + size);
            for (int i = held.nextSetBit(from); i >= 0 && i < to; i = held.nextSetBit(i + 1)) {
                people.add(new HeldPerson(identities.get(i), i - from, toSend.contacts().get(i).getCustom()));
            }
            return people;
        }
    }

    private final PeopleRegistry people;
    private final Scope scope;
    private final String identityField;
    private final Duration holdFor;
    private final Duration reuseWithin;
    private final String holder;
    private Split split;

    /** {@code reuseWithin} zero: nothing is reused. */
    PersonGuard(PeopleRegistry people, Scope scope, String identityField, Duration holdFor, Duration reuseWithin,
                Exchange exchange) {
        this.people = people;
        this.scope = scope;
        this.identityField = identityField;
        this.holdFor = holdFor;
        this.reuseWithin = reuseWithin;
        this.holder = exchange.getProperties()
                .computeIfAbsent(HOLDER, k -> UUID.randomUUID().toString()).toString();
    }

    /** Splits the batch (see the class comment); a people store that cannot answer fails it, nothing sent. */
    Split split(PreparedBatch batch, String requestName) {
        if (scope == Scope.OFF && reuseWithin.isZero()) {
            return unguarded(batch);
        }
        try {
            split = new Splitting(batch).split();
            return split;
        } catch (RuntimeException e) {
            throw DeepEnrichException.local("ledger.people", "the ledger could not tell which people are being "
                                                             + "enriched already, so nothing was sent: "
                                                             + e.getMessage(),
                    requestName, e);
        }
    }

    /**
     * Sends the batch as it is: its requests were all accepted before (a redelivery, a recovered aggregation group),
     * so it is answered with their ids and its people were held when they were sent.
     */
    Split unguarded(PreparedBatch batch) {
        split = new Split(batch, new BitSet(), List.of(), List.of(), List.of(), List.of(), 0);
        return split;
    }

    /** The state of one split. */
    private final class Splitting {

        final PreparedBatch batch;
        final Instant now = Instant.now();
        final List<Reused> reused = new ArrayList<>();
        final List<String> waitingIds = new ArrayList<>();
        /** The contacts sent, those held across exchanges, and for each other the contact sent for her (-1: none). */
        final BitSet sent = new BitSet();
        final BitSet held = new BitSet();
        final int[] senderOf;
        final String[] identities;
        int unheld;

        Splitting(PreparedBatch batch) {
            this.batch = batch;
            this.senderOf = new int[batch.contacts().size()];
            this.identities = new String[batch.contacts().size()];
        }

        Split split() {
            List<Contact> contacts = batch.contacts();
            BitSet answered = reuseStoredResults();
            Map<String, List<Integer>> byPerson = new LinkedHashMap<>();
            for (int i = answered.nextClearBit(0); i < contacts.size(); i = answered.nextClearBit(i + 1)) {
                identities[i] = PersonIdentity.of(contacts.get(i), identityField);
                byPerson.computeIfAbsent(identities[i], k -> new ArrayList<>(1)).add(i);
            }
            if (scope == Scope.ACROSS_EXCHANGES) {
                enterAcrossExchanges(byPerson);
            } else {
                byPerson.values().forEach(indexes -> sendFirst(indexes, scope == Scope.OFF));
            }
            return build();
        }

        /** Marks the contacts answered from a stored result. */
        BitSet reuseStoredResults() {
            BitSet answered = new BitSet();
            if (reuseWithin.isZero()) {
                return answered;
            }
            List<Contact> contacts = batch.contacts();
            String[] persons = new String[contacts.size()];
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < contacts.size(); i++) {
                persons[i] = PersonIdentity.person(contacts.get(i), identityField);
                distinct.add(persons[i]);
            }
            Map<String, StoredResult> stored = people.storedResults(distinct, now);
            Instant since = now.minus(reuseWithin);
            for (int i = 0; i < contacts.size(); i++) {
                StoredResult r = stored.get(persons[i]);
                if (r != null && !r.foundAt().isBefore(since)
                    && r.enrichFields().containsAll(contacts.get(i).getEnrichFields())) {
                    reused.add(new Reused(i, batch.sourceItems().get(i), EnrichedContact
                            .reused(readContact(r), contacts.get(i).getCustom(), r.foundAt())));
                    answered.set(i);
                }
            }
            return answered;
        }

        void enterAcrossExchanges(Map<String, List<Integer>> byPerson) {
            List<Entrant> entrants = new ArrayList<>(byPerson.size());
            byPerson.forEach((identity, indexes) -> entrants.add(new Entrant(identity, new AbstractList<>() {

                @Override
                public WaitingContact get(int i) {
                    return waiting(indexes.get(i), identity);
                }

                @Override
                public int size() {
                    return indexes.size();
                }
            })));
            Instant unsentUntil = now.plus(UNSENT_HOLD.compareTo(holdFor) < 0 ? UNSENT_HOLD : holdFor);
            List<Entry> entries = people.enter(holder, entrants, now, unsentUntil);
            int e = 0;
            for (List<Integer> indexes : byPerson.values()) {
                Entry entry = entries.get(e++);
                if (entry == Entry.HELD) {
                    held.set(indexes.get(0));
                    sendFirst(indexes, false);
                    indexes.subList(1, indexes.size()).forEach(this::waits);
                } else if (entry == Entry.WAITING) {
                    indexes.forEach(this::waits);
                } else {
                    unheld++;
                    sendFirst(indexes, true);
                }
            }
        }

        WaitingContact waiting(int index, String identity) {
            return new WaitingContact(waitingId(index), identity, batch.contacts().get(index).getCustom(), now);
        }

        /** Sends the first contact of a person (all of them when {@code all}); the others are answered with hers. */
        void sendFirst(List<Integer> indexes, boolean all) {
            int first = indexes.get(0);
            for (int i : indexes) {
                if (all || i == first) {
                    sent.set(i);
                } else {
                    senderOf[i] = first;
                }
            }
        }

        /** The contact waits in the people store: the results route answers it. */
        void waits(int index) {
            senderOf[index] = -1;
            waitingIds.add(waitingId(index));
        }

        Split build() {
            List<Contact> contacts = batch.contacts();
            int[] positionSent = new int[contacts.size()];
            List<Contact> sendContacts = new ArrayList<>(sent.cardinality());
            List<Object> sendItems = new ArrayList<>(sent.cardinality());
            List<String> sentIdentities = new ArrayList<>(sent.cardinality());
            BitSet heldSent = new BitSet();
            for (int i = sent.nextSetBit(0); i >= 0; i = sent.nextSetBit(i + 1)) {
                positionSent[i] = sendContacts.size();
                if (held.get(i)) {
                    heldSent.set(sendContacts.size());
                }
                sendContacts.add(contacts.get(i));
                sendItems.add(batch.sourceItems().get(i));
                sentIdentities.add(identities[i]);
            }
            Set<Integer> reusedIndexes = new HashSet<>();
            reused.forEach(r -> reusedIndexes.add(r.index()));
            List<Deduplicated> deduplicated = new ArrayList<>();
            for (int i = sent.nextClearBit(0); i < contacts.size(); i = sent.nextClearBit(i + 1)) {
                if (!reusedIndexes.contains(i)) {
                    int sender = senderOf[i] < 0 ? -1 : positionSent[senderOf[i]];
                    deduplicated.add(new Deduplicated(i, contacts.get(i), batch.sourceItems().get(i), sender));
                }
            }
            return new Split(new PreparedBatch(sendContacts, sendItems, batch.rejections(), batch.received()),
                    heldSent, sentIdentities, deduplicated, waitingIds, reused, unheld);
        }
    }

    private static EnrichedContact readContact(StoredResult result) {
        try {
            return DeepEnrichJson.mapper().readValue(result.contact(), EnrichedContact.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored result of person " + result.identity(), e);
        }
    }

    private String waitingId(int index) {
        return holder + ":" + index;
    }

    /** The request of {@code key}, chunk {@code chunk} of the split, is about to be sent: its people point at it. */
    void sending(String key, int chunk, Duration keepResultsFor) {
        if (scope == Scope.ACROSS_EXCHANGES) {
            List<HeldPerson> heldPeople = split.heldIn(chunk, BulkRequest.MAX_CONTACTS);
            if (!heldPeople.isEmpty()) {
                people.assign(holder, key, heldPeople, keepResultsFor);
            }
        }
    }

    /** The request of {@code key} was accepted: its people stay held for the hold timeout. */
    void accepted(String key) {
        if (scope == Scope.ACROSS_EXCHANGES) {
            people.extend(key, Instant.now().plus(holdFor));
        }
    }

    /**
     * The request of {@code key} was refused, or is in doubt: its people are free again. A request in doubt may never
     * have reached DeepEnrich, so a later contact of one of its people is sent rather than left waiting for a result
     * that may never come (the in-doubt contacts the exchange reports may be sent again).
     */
    void released(String key) {
        if (scope == Scope.ACROSS_EXCHANGES) {
            people.forget(key);
        }
    }

    /** The submission ended: the people of requests it did not send are free again. */
    void submitted() {
        if (scope == Scope.ACROSS_EXCHANGES) {
            people.withdraw(holder, List.of());
        }
    }

    /**
     * The submission failed: the holds of requests not sent go, the contacts registered as waiting are withdrawn, and
     * the failure reports every deduplicated contact among those not sent (none of them will be answered).
     */
    DeepEnrichException failed(DeepEnrichException failure) {
        if (scope == Scope.ACROSS_EXCHANGES) {
            try {
                people.withdraw(holder, split.waitingIds());
            } catch (RuntimeException e) { // the holds expire; the waiting contacts are reported unanswered
                failure.addSuppressed(e);
            }
        }
        if (split.deduplicated().isEmpty()) {
            return failure;
        }
        SubmissionProgress p = failure.getProgress();
        List<Object> unsent = new ArrayList<>(p.unsubmittedContacts());
        split.deduplicated().forEach(d -> unsent.add(d.sourceItem()));
        return failure.withProgress(new SubmissionProgress(p.submittedIds(), p.inDoubtContacts(), unsent,
                p.rejections()));
    }
}
