package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        holds.put(identity, mine);
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
                holds.put(p.identity(), held.accepted(enrichmentId, p.position(), p.custom(), expiresAt));
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
            changed();
        }
        return true;
    }

    @Override
    public synchronized void withdraw(String holder, Collection<String> waitingIds) {
        holds.values().removeIf(h -> h.holder().equals(holder) && h.enrichmentId() == null);
        waitingIds.forEach(waiting::remove);
        changed();
    }

    @Override
    public synchronized List<Answer> answer(String enrichmentId) {
        List<Answer> answers = new ArrayList<>();
        for (PersonHold h : holds.values()) {
            if (enrichmentId.equals(h.enrichmentId())) {
                closed.add(h.identity());
                List<WaitingContact> forHer = waiting.values().stream()
                        .filter(w -> w.identity().equals(h.identity())).toList();
                if (!forHer.isEmpty()) {
                    answers.add(new Answer(h, forHer));
                }
            }
        }
        changed();
        return answers;
    }

    @Override
    public synchronized void answered(String enrichmentId, Collection<String> waitingIds) {
        waitingIds.forEach(waiting::remove);
        forget(enrichmentId);
    }

    @Override
    public synchronized void forget(String enrichmentId) {
        holds.values().removeIf(h -> {
            boolean gone = enrichmentId.equals(h.enrichmentId());
            if (gone) {
                closed.remove(h.identity());
            }
            return gone;
        });
        changed();
    }

    @Override
    public synchronized int purge(Instant now) {
        List<String> expired = holds.values().stream().filter(h -> !h.expiresAt().isAfter(now))
                .map(PersonHold::identity).toList();
        expired.forEach(identity -> {
            holds.remove(identity);
            closed.remove(identity);
        });
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
        holds.put(hold.identity(), hold);
        if (isClosed) {
            closed.add(hold.identity());
        }
    }

    synchronized void restore(StoredResult result) {
        results.put(result.identity(), result);
    }

    synchronized void restore(WaitingContact contact) {
        waiting.put(Objects.requireNonNull(contact.id()), contact);
    }

    /** Called under this store's lock after each change, for a subclass that persists it. */
    protected void changed() {
    }
}
