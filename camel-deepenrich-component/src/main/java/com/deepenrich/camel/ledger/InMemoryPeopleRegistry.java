package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The people store of the in-memory ledger (and, written to its own file, of the file ledger). */
public class InMemoryPeopleRegistry implements PeopleRegistry {

    /** The holds by identity; an identity in {@link #closed} was answered and waits only for its emission. */
    private final Map<String, PersonHold> holds = new LinkedHashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Map<String, WaitingContact> waiting = new LinkedHashMap<>();
    /** The identities held by each accepted enrichment, so that its result finds them without a scan of every hold. */
    private final Map<String, Set<String>> heldByEnrichment = new HashMap<>();
    /** The ids of the contacts waiting for each person. */
    private final Map<String, Set<String>> waitingByIdentity = new HashMap<>();
    private final Map<String, StoredResult> results = new LinkedHashMap<>();

    @Override
    public synchronized PersonHold hold(String identity, String holder, boolean awaited, Instant now,
                                        Instant expiresAt) {
        PersonHold held = holds.get(identity);
        if (held != null && !held.holder().equals(holder) && !closed.contains(identity)
            && held.expiresAt().isAfter(now)) {
            return held;
        }
        if (held != null && held.holder().equals(holder)) {
            return held;
        }
        PersonHold mine = new PersonHold(identity, holder, awaited, null, -1, Map.of(), expiresAt);
        put(mine);
        closed.remove(identity);
        // not persisted on its own: a hold whose request was not accepted is not read back after a restart (nothing
        // would send it), and the next change (its acceptance) writes the whole store
        return mine;
    }

    @Override
    public synchronized void accepted(String holder, String enrichmentId, List<HeldPerson> people,
                                      Instant expiresAt) {
        for (HeldPerson p : people) {
            PersonHold held = holds.get(p.identity());
            if (held != null && held.holder().equals(holder)) {
                put(held.accepted(enrichmentId, p.position(), p.custom(), expiresAt));
            }
        }
        changed();
    }

    @Override
    public synchronized boolean await(String holder, WaitingContact contact) {
        PersonHold held = holds.get(contact.identity());
        if (held == null || !held.holder().equals(holder) || closed.contains(contact.identity())) {
            return false;
        }
        if (waiting.putIfAbsent(contact.id(), contact) == null) {
            waitingByIdentity.computeIfAbsent(contact.identity(), i -> new LinkedHashSet<>()).add(contact.id());
            changed();
        }
        return true;
    }

    @Override
    public synchronized void withdraw(String holder, Collection<String> waitingIds) {
        holds.values().removeIf(h -> h.holder().equals(holder) && h.enrichmentId() == null); // none is indexed
        waitingIds.forEach(this::removeWaiting);
        changed();
    }

    @Override
    public synchronized List<Answer> answer(String enrichmentId) {
        List<Answer> answers = new ArrayList<>();
        for (String identity : heldByEnrichment.getOrDefault(enrichmentId, Set.of())) {
            PersonHold h = holds.get(identity);
            closed.add(identity);
            List<WaitingContact> forHer = waitingByIdentity.getOrDefault(identity, Set.of()).stream()
                    .map(waiting::get).toList();
            if (!forHer.isEmpty()) {
                answers.add(new Answer(h, forHer));
            }
        }
        changed();
        return answers;
    }

    @Override
    public synchronized void answered(String enrichmentId, Collection<String> waitingIds) {
        waitingIds.forEach(this::removeWaiting);
        forget(enrichmentId);
    }

    @Override
    public synchronized void forget(String enrichmentId) {
        for (String identity : heldByEnrichment.getOrDefault(enrichmentId, Set.of()).toArray(String[]::new)) {
            remove(identity);
        }
        changed();
    }

    @Override
    public synchronized int purge(Instant now) {
        List<String> expired = holds.values().stream().filter(h -> !h.expiresAt().isAfter(now))
                .map(PersonHold::identity).toList();
        expired.forEach(this::remove);
        if (!expired.isEmpty()) {
            changed();
        }
        return expired.size();
    }

    @Override
    public synchronized List<PersonHold> holds() {
        return List.copyOf(holds.values());
    }

    @Override
    public synchronized List<WaitingContact> waiting() {
        return List.copyOf(waiting.values());
    }

    @Override
    public synchronized void keep(StoredResult result) {
        results.put(result.identity(), result);
        changed();
    }

    @Override
    public synchronized List<StoredResult> awaitedResults(String enrichmentId) {
        return results.values().stream().filter(r -> !r.isFound() && enrichmentId.equals(r.enrichmentId())).toList();
    }

    @Override
    public synchronized Optional<StoredResult> storedResult(String identity, Instant now) {
        return Optional.ofNullable(results.get(identity)).filter(r -> r.isFound() && r.expiresAt().isAfter(now));
    }

    @Override
    public synchronized int purgeResults(Instant now) {
        int before = results.size();
        results.values().removeIf(r -> !r.expiresAt().isAfter(now));
        if (results.size() != before) {
            changed();
        }
        return before - results.size();
    }

    /** Every stored result, for a subclass that persists them. */
    protected synchronized List<StoredResult> storedResults() {
        return List.copyOf(results.values());
    }

    /** Whether the person was answered and her hold waits only for its emission. */
    synchronized boolean isClosed(String identity) {
        return closed.contains(identity);
    }

    /** Puts back what a file held: a hold (closed or not) or a waiting contact. */
    synchronized void restore(PersonHold hold, boolean isClosed) {
        put(hold);
        if (isClosed) {
            closed.add(hold.identity());
        }
    }

    synchronized void restore(StoredResult result) {
        results.put(result.identity(), result);
    }

    synchronized void restore(WaitingContact contact) {
        waiting.put(Objects.requireNonNull(contact.id()), contact);
        waitingByIdentity.computeIfAbsent(contact.identity(), i -> new LinkedHashSet<>()).add(contact.id());
    }

    /** Holds {@code hold}'s person, replacing her earlier hold, and indexes it by its enrichment. */
    private void put(PersonHold hold) {
        unindex(holds.put(hold.identity(), hold));
        if (hold.enrichmentId() != null) {
            heldByEnrichment.computeIfAbsent(hold.enrichmentId(), id -> new LinkedHashSet<>()).add(hold.identity());
        }
    }

    /** Lets the person go: her hold, its index entry and whether she was answered. */
    private void remove(String identity) {
        unindex(holds.remove(identity));
        closed.remove(identity);
    }

    private void unindex(PersonHold gone) {
        if (gone != null && gone.enrichmentId() != null) {
            Set<String> held = heldByEnrichment.get(gone.enrichmentId());
            if (held != null && held.remove(gone.identity()) && held.isEmpty()) {
                heldByEnrichment.remove(gone.enrichmentId());
            }
        }
    }

    private void removeWaiting(String id) {
        WaitingContact gone = waiting.remove(id);
        if (gone != null) {
            Set<String> ids = waitingByIdentity.get(gone.identity());
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                waitingByIdentity.remove(gone.identity());
            }
        }
    }

    /** Called under this store's lock after each change, for a subclass that persists it. */
    protected void changed() {
    }
}
