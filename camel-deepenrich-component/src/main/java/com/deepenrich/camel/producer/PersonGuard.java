package com.deepenrich.camel.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.ledger.PeopleRegistry;
import com.deepenrich.camel.ledger.PersonHold;
import com.deepenrich.camel.ledger.WaitingContact;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.PersonIdentity;
import com.deepenrich.camel.model.SubmissionProgress;
import org.apache.camel.Exchange;

/**
 * Sends a person once at a time. Before a batch is chunked, each contact's person is held for this exchange in the
 * ledger's people store; a contact whose person is held already (earlier in the batch, or by a request in flight of
 * another exchange or node) is not sent. Where the results consumer emits results, such a contact is registered in
 * the store as waiting, and the emitter of the holding request's result answers it ({@code WaitingAnswers}); an
 * exchange that awaits its result answers its deduplicated contacts itself from the holders' results
 * ({@link DeduplicatedContacts}). The holder token is kept in the exchange, so a redelivery holds its own people
 * again and sends the same requests (which the fingerprint then recognises).
 * <p>
 * Two modes do not mix: a contact whose results go to the consumer waits only for a request whose result goes there
 * too (an awaited result reaches only its exchange); an awaiting exchange waits for another's request only once it
 * was accepted (it must know the id to read). Otherwise the contact is sent.
 */
final class PersonGuard {

    /**
     * How long a person stays held for a request not accepted yet: the pending batches and the rate limiter send it
     * long before; a node that died before sending it leaves a hold nobody would answer.
     */
    static final Duration UNACCEPTED_HOLD = Duration.ofMinutes(10);

    /** Exchange property: the token under which this exchange holds its people (kept across redeliveries). */
    static final String HOLDER = "CamelDeepEnrichPersonHolder";

    /** A contact not sent: its position in the batch, and the hold it waits for (its own batch's or another's). */
    record Deduplicated(int index, Contact contact, Object sourceItem, PersonHold hold, int ownSender) {
    }

    /** The batch split: what to send (with each sender's identity, held or not), and what waits. */
    record Split(PreparedBatch toSend, List<String> senderIdentities, List<Boolean> senderHeld,
                 List<Deduplicated> deduplicated, List<String> waitingIds) {
    }

    private final PeopleRegistry people;
    private final String identityField;
    private final boolean awaited;
    private final Duration holdFor;
    private final String holder;
    private final boolean enabled;
    private final PeoplePurge purge;
    private Split split;

    /** {@code people} null: switched off, every contact is sent. */
    PersonGuard(PeopleRegistry people, String identityField, boolean awaited, Duration holdFor, PeoplePurge purge,
                Exchange exchange) {
        this.purge = purge;
        this.enabled = people != null;
        this.people = enabled ? people : PeopleRegistry.NONE;
        this.identityField = identityField;
        this.awaited = awaited;
        this.holdFor = holdFor;
        this.holder = exchange.getProperties()
                .computeIfAbsent(HOLDER, k -> UUID.randomUUID().toString()).toString();
    }

    /**
     * Holds the batch's people and registers its waiting contacts; a ledger failure sends nothing. A batch whose
     * requests were all accepted before ({@code isReplay}) is sent as it is, to be answered with the earlier ids.
     */
    Split split(PreparedBatch batch, String requestName, BooleanSupplier isReplay) {
        if (!enabled || isReplay.getAsBoolean()) {
            List<String> none = Collections.nCopies(batch.contacts().size(), "");
            split = new Split(batch, none, Collections.nCopies(none.size(), false), List.of(), List.of());
            return split;
        }
        try {
            split = splitHeld(batch);
            return split;
        } catch (RuntimeException e) {
            try { // what this split registered before it failed: the exchange fails, nothing of it waits
                people.withdraw(holder, IntStream.range(0, batch.contacts().size())
                        .mapToObj(PersonGuard.this::waitingId).toList());
            } catch (RuntimeException alsoDown) {
                e.addSuppressed(alsoDown);
            }
            throw DeepEnrichException.local("ledger.people", "the ledger could not tell which people are being "
                                                             + "enriched already, so nothing was sent: "
                                                             + e.getMessage(),
                    requestName, e);
        }
    }

    private Split splitHeld(PreparedBatch batch) {
        Splitting out = new Splitting(batch, Instant.now());
        purge.runIfDue(people, out.now);
        for (int i = 0; i < batch.contacts().size(); i++) {
            Contact contact = batch.contacts().get(i);
            String identity = PersonIdentity.of(contact, identityField);
            Integer sender = out.ownSenders.get(identity);
            if (sender != null) {
                if (awaited || out.held.get(sender) && out.waits(i, identity, holder)) {
                    out.deduplicated(i, null, sender);
                } else {
                    out.send(i, identity, false);
                }
                continue;
            }
            PersonHold hold = out.others.get(identity);
            if (hold == null) {
                hold = out.hold(identity);
                if (hold.holder().equals(holder) || !mayWaitFor(hold)) {
                    out.send(i, identity, hold.holder().equals(holder));
                    continue;
                }
                out.others.put(identity, hold);
            }
            if (awaited || out.waits(i, identity, hold.holder())) {
                out.deduplicated(i, hold, -1);
            } else { // the hold was answered meanwhile: her result is on its way out, this contact takes her over
                out.others.remove(identity);
                out.send(i, identity, out.hold(identity).holder().equals(holder));
            }
        }
        return new Split(new PreparedBatch(out.sendContacts, out.sendItems, batch.rejections(), batch.received()),
                out.identities, out.held, out.deduplicated, out.waitingIds);
    }

    /** The state of one split, contact after contact. */
    private final class Splitting {

        final PreparedBatch batch;
        final Instant now;
        final List<Contact> sendContacts = new ArrayList<>();
        final List<Object> sendItems = new ArrayList<>();
        final List<String> identities = new ArrayList<>();
        final List<Boolean> held = new ArrayList<>();
        final List<Deduplicated> deduplicated = new ArrayList<>();
        final List<String> waitingIds = new ArrayList<>();
        /** Each person sent by this batch: her index among the senders. */
        final Map<String, Integer> ownSenders = new HashMap<>();
        /** Each person this batch waits for, with the other's hold. */
        final Map<String, PersonHold> others = new HashMap<>();

        Splitting(PreparedBatch batch, Instant now) {
            this.batch = batch;
            this.now = now;
        }

        PersonHold hold(String identity) {
            return people.hold(identity, holder, awaited, now, now.plus(UNACCEPTED_HOLD.compareTo(holdFor) < 0
                    ? UNACCEPTED_HOLD : holdFor));
        }

        void send(int index, String identity, boolean isHeld) {
            ownSenders.putIfAbsent(identity, sendContacts.size());
            identities.add(identity);
            held.add(isHeld);
            sendContacts.add(batch.contacts().get(index));
            sendItems.add(batch.sourceItems().get(index));
        }

        /** Registers contact {@code index} as waiting for {@code token}'s hold; false when that hold is closed. */
        boolean waits(int index, String identity, String token) {
            String id = waitingId(index);
            if (!people.await(token, new WaitingContact(id, identity,
                    DeepEnrichJson.writeString(batch.contacts().get(index)), now))) {
                return false;
            }
            waitingIds.add(id);
            return true;
        }

        void deduplicated(int index, PersonHold hold, int sender) {
            deduplicated.add(new Deduplicated(index, batch.contacts().get(index), batch.sourceItems().get(index), hold,
                    sender));
        }
    }

    private String waitingId(int index) {
        return holder + ":" + index;
    }

    /** Whether a contact of this exchange may wait for another's hold (see the class comment). */
    private boolean mayWaitFor(PersonHold other) {
        return awaited ? other.enrichmentId() != null : !other.awaited();
    }

    /** Chunk {@code chunk} of the split's senders was accepted as {@code enrichmentId}: its held people point at it. */
    void accepted(int chunk, int chunkSize, String enrichmentId) {
        if (!enabled) {
            return;
        }
        int from = chunk * chunkSize;
        int to = Math.min(split.toSend().contacts().size(), from + chunkSize);
        List<PeopleRegistry.HeldPerson> mine = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (split.senderHeld().get(i)) {
                mine.add(new PeopleRegistry.HeldPerson(split.senderIdentities().get(i), i - from,
                        split.toSend().contacts().get(i).getCustom()));
            }
        }
        if (!mine.isEmpty()) {
            people.accepted(holder, enrichmentId, mine, Instant.now().plus(holdFor));
        }
    }

    /**
     * The submission failed: the holds of requests not accepted go, the contacts registered as waiting are withdrawn,
     * and the failure reports every deduplicated contact among those not sent (none of them will be answered).
     */
    DeepEnrichException failed(DeepEnrichException failure) {
        if (!enabled) {
            return failure;
        }
        try {
            people.withdraw(holder, split.waitingIds());
        } catch (RuntimeException e) { // the holds expire; the waiting contacts are answered and reported unsent
            failure.addSuppressed(e);
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
