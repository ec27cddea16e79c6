package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people store of the in-memory ledger, lost with the process. It holds at most {@code maxHeld} people: beyond
 * that a person is sent without a hold ({@link Entry#UNHELD}), so its memory stays bounded whatever happens to
 * results. It keeps at most {@code maxStoredResults} stored results: beyond that the one stored first is let go (its
 * person is sent again when she comes back within the reuse window). Every lookup a submission or a result makes is indexed (by person, by request, by holder), so its cost
 * does not grow with what the store holds; only {@link #purge} reads every hold.
 */
public class InMemoryPeopleRegistry implements PeopleRegistry {

    /** How many people the store holds at most, unless told otherwise. */
    public static final int DEFAULT_MAX_HELD = 50_000;
    /** How many stored results the store keeps at most, unless told otherwise. */
    public static final int DEFAULT_MAX_STORED_RESULTS = 20_000;

    /** A hold, mutable under the store's lock; its expiry in epoch milliseconds. */
    private static final class Hold {

        final String identity;
        final String holder;
        String requestKey;
        int position = -1;
        Map<String, String> custom = Map.of();
        Duration keepResultFor = Duration.ZERO;
        long expiresAt;
        boolean closed;

        Hold(String identity, String holder, long expiresAt) {
            this.identity = identity;
            this.holder = holder;
            this.expiresAt = expiresAt;
        }

        boolean isOpenAt(long now) {
            return !closed && expiresAt > now;
        }

        PersonHold view() {
            return new PersonHold(identity, holder, requestKey, position, custom, keepResultFor,
                    Instant.ofEpochMilli(expiresAt));
        }
    }

    private final int maxHeld;
    private final int maxStoredResults;
    private final Map<String, Hold> holds = new HashMap<>();
    /** The holds pointing at each request. */
    private final Map<String, List<Hold>> byRequest = new HashMap<>();
    /** The holds of each holder that point at no request yet. */
    private final Map<String, Set<Hold>> unassigned = new HashMap<>();
    private final Map<String, WaitingContact> waiting = new LinkedHashMap<>();
    /** The ids of the contacts waiting for each person. */
    private final Map<String, Set<String>> waitingByIdentity = new HashMap<>();
    /** In the order they were stored, so that the first stored is the first let go. */
    private final Map<String, StoredResult> results = new LinkedHashMap<>();

    public InMemoryPeopleRegistry() {
        this(DEFAULT_MAX_HELD, DEFAULT_MAX_STORED_RESULTS);
    }

    /**
     * {@code maxHeld}: how many people it holds at most (0: no one, every person is sent without a hold);
     * {@code maxStoredResults}: how many results it keeps for reuse at most (0: none).
     */
    public InMemoryPeopleRegistry(int maxHeld, int maxStoredResults) {
        if (maxHeld < 0) {
            throw new IllegalArgumentException("maxHeld must be 0 or more, not " + maxHeld);
        }
        if (maxStoredResults < 0) {
            throw new IllegalArgumentException("maxStoredResults must be 0 or more, not " + maxStoredResults);
        }
        this.maxHeld = maxHeld;
        this.maxStoredResults = maxStoredResults;
    }

    @Override
    public synchronized List<Entry> enter(String holder, List<Entrant> people, Instant now, Instant expiresAt) {
        long at = now.toEpochMilli();
        List<Entry> entries = new ArrayList<>(people.size());
        for (Entrant entrant : people) {
            Hold held = holds.get(entrant.identity());
            if (held != null && held.holder.equals(holder)) {
                repeatsWait(entrant);
                entries.add(Entry.HELD);
            } else if (held != null && held.isOpenAt(at)) {
                entrant.contacts().forEach(this::addWaiting);
                entries.add(Entry.WAITING);
            } else if (held == null && holds.size() >= maxHeld) {
                entries.add(Entry.UNHELD);
            } else {
                remove(held);
                Hold mine = new Hold(entrant.identity(), holder, expiresAt.toEpochMilli());
                holds.put(mine.identity, mine);
                unassigned.computeIfAbsent(holder, h -> new LinkedHashSet<>()).add(mine);
                repeatsWait(entrant);
                entries.add(Entry.HELD);
            }
        }
        return entries;
    }

    @Override
    public synchronized void assign(String holder, String requestKey, List<HeldPerson> people,
                                    Duration keepResultsFor) {
        List<Hold> ofRequest = byRequest.computeIfAbsent(requestKey, k -> new ArrayList<>(people.size()));
        for (HeldPerson p : people) {
            Hold h = holds.get(p.identity());
            if (h == null || !h.holder.equals(holder)) {
                continue;
            }
            unindex(h);
            h.requestKey = requestKey;
            h.position = p.position();
            h.custom = p.custom();
            h.keepResultFor = keepResultsFor;
            ofRequest.add(h);
        }
        if (ofRequest.isEmpty()) {
            byRequest.remove(requestKey);
        }
    }

    @Override
    public synchronized void extend(String requestKey, Instant expiresAt) {
        long until = expiresAt.toEpochMilli();
        for (Hold h : byRequest.getOrDefault(requestKey, List.of())) {
            h.expiresAt = Math.max(h.expiresAt, until);
        }
    }

    @Override
    public synchronized void withdraw(String holder, Collection<String> waitingIds) {
        Set<Hold> mine = unassigned.remove(holder);
        if (mine != null) {
            mine.forEach(h -> holds.remove(h.identity, h));
        }
        waitingIds.forEach(this::removeWaiting);
    }

    @Override
    public synchronized List<Answer> answer(String requestKey) {
        List<Hold> ofRequest = byRequest.getOrDefault(requestKey, List.of());
        List<Answer> answers = new ArrayList<>(ofRequest.size());
        for (Hold h : ofRequest) {
            h.closed = true;
            Set<String> ids = waitingByIdentity.get(h.identity);
            answers.add(new Answer(h.view(), ids == null ? List.of() : ids.stream().map(waiting::get).toList()));
        }
        return answers;
    }

    @Override
    public synchronized void answered(String requestKey, Collection<String> waitingIds) {
        waitingIds.forEach(this::removeWaiting);
        forget(requestKey);
    }

    @Override
    public synchronized void forget(String requestKey) {
        List<Hold> ofRequest = byRequest.remove(requestKey);
        if (ofRequest != null) {
            ofRequest.forEach(h -> holds.remove(h.identity, h));
        }
    }

    @Override
    public synchronized List<WaitingContact> purge(Instant now, Instant waitingBefore) {
        long at = now.toEpochMilli();
        for (Iterator<Hold> it = holds.values().iterator(); it.hasNext();) {
            Hold h = it.next();
            if (h.expiresAt <= at) {
                it.remove();
                unindex(h);
            }
        }
        List<WaitingContact> unanswered = new ArrayList<>();
        for (WaitingContact w : List.copyOf(waiting.values())) {
            Hold h = holds.get(w.identity());
            if (w.since().isBefore(waitingBefore) && (h == null || !h.isOpenAt(at))) {
                removeWaiting(w.id());
                unanswered.add(w);
            }
        }
        return unanswered;
    }

    @Override
    public synchronized List<PersonHold> holds() {
        return holds.values().stream().map(Hold::view).sorted(Comparator.comparing(PersonHold::identity)).toList();
    }

    @Override
    public synchronized List<WaitingContact> waiting() {
        return List.copyOf(waiting.values());
    }

    @Override
    public synchronized Counts counts() {
        return new Counts(holds.size(), waiting.size());
    }

    @Override
    public synchronized void keep(Collection<StoredResult> kept) {
        for (StoredResult r : kept) {
            results.remove(r.identity());
            results.put(r.identity(), r);
        }
        Iterator<StoredResult> first = results.values().iterator();
        for (int over = results.size() - maxStoredResults; over > 0; over--) {
            first.next();
            first.remove();
        }
    }

    @Override
    public synchronized Map<String, StoredResult> storedResults(Collection<String> identities, Instant now) {
        Map<String, StoredResult> found = new HashMap<>();
        for (String identity : identities) {
            StoredResult r = results.get(identity);
            if (r != null && r.expiresAt().isAfter(now)) {
                found.put(identity, r);
            }
        }
        return found;
    }

    @Override
    public synchronized int purgeResults(Instant now) {
        int before = results.size();
        results.values().removeIf(r -> !r.expiresAt().isAfter(now));
        return before - results.size();
    }

    /** Her contacts after the first, which is sent, wait for her. */
    private void repeatsWait(Entrant entrant) {
        List<WaitingContact> contacts = entrant.contacts();
        for (int i = 1; i < contacts.size(); i++) {
            addWaiting(contacts.get(i));
        }
    }

    /** Takes a hold out of the store and of its indexes (null: nothing). */
    private void remove(Hold h) {
        if (h != null) {
            holds.remove(h.identity, h);
            unindex(h);
        }
    }

    /** Takes a hold out of the request or holder index it is in. */
    private void unindex(Hold h) {
        if (h.requestKey == null) {
            Set<Hold> ofHolder = unassigned.get(h.holder);
            if (ofHolder != null && ofHolder.remove(h) && ofHolder.isEmpty()) {
                unassigned.remove(h.holder);
            }
            return;
        }
        List<Hold> ofRequest = byRequest.get(h.requestKey);
        if (ofRequest != null && ofRequest.remove(h) && ofRequest.isEmpty()) {
            byRequest.remove(h.requestKey);
        }
    }

    private void addWaiting(WaitingContact w) {
        if (waiting.putIfAbsent(w.id(), w) == null) {
            waitingByIdentity.computeIfAbsent(w.identity(), i -> new LinkedHashSet<>()).add(w.id());
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
}
