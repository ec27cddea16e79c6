package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people store of {@link JdbcDeepEnrichLedger}, in three tables of its database, shared by every instance using
 * it (DDL in the ledger's Javadoc): {@code <prefix>holds}, one row per person held (its primary key makes a hold
 * unique), {@code <prefix>waiting_contacts} (their custom fields), and {@code <prefix>stored_results} for
 * {@code reuseResultsWithin}, one row per person.
 * <p>
 * Each call is one transaction. {@link #enter} inserts the batch's people that nobody holds (an insert that does
 * nothing when the row exists), then locks every entrant's row, in the order of their identities, and decides on
 * each: held by the holder (already, or now: inserted or taken over from a closed or expired hold), her contacts of
 * the batch but the first waiting for her, or held by another, all her contacts waiting for that hold (registered in
 * the same transaction). {@link #answer} closes the request's holds under the same row locks, so a contact either waits for a
 * hold that will answer it or finds the hold closed and takes it over. Two nodes entering the same person at the same
 * moment: the second one's insert meets the first one's key, its transaction is run again and finds her held.
 */
public class JdbcPeopleRegistry implements PeopleRegistry {

    private static final String STORE = "people store";
    private static final String HOLD = "person, holder, request_key, request_index, custom, keep_millis, expires_at";
    private static final String RESULT = "person, enrich_fields, contact, found_at, expires_at";
    /** What {@link #purgeResults} reads {@code Instant.MAX} as: a time every database can hold. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcDeepEnrichLedger ledger;

    JdbcPeopleRegistry(JdbcDeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    private <T> T transaction(String what, JdbcStatements.Work<T> work) {
        return ledger.transaction(STORE, what, work);
    }

    private JdbcTables tables() {
        return ledger.tables();
    }

    /** A hold's row as {@link #enter} decides on it. */
    private record Row(String holder, boolean closed, Instant expiresAt) {

        boolean isOpenAt(Instant now) {
            return !closed && expiresAt.isAfter(now);
        }
    }

    @Override
    public List<Entry> enter(String holder, List<Entrant> people, Instant now, Instant expiresAt) {
        if (people.isEmpty()) {
            return List.of();
        }
        List<String> identities = people.stream().map(Entrant::identity).distinct().sorted().toList();
        return transaction("enter " + people.size() + " people", c -> {
            JdbcTables t = tables();
            JdbcStatements.updateEach(c, "INSERT INTO " + t.holds + " (" + HOLD + ", closed) "
                                         + "SELECT ?, ?, NULL, -1, NULL, 0, ?, FALSE WHERE NOT EXISTS "
                                         + "(SELECT 1 FROM " + t.holds + " WHERE person = ?)",
                    identities.stream().map(identity -> new Object[]{identity, holder, expiresAt, identity}).toList());
            Map<String, Row> rows = new HashMap<>();
            JdbcStatements.selectIn(c, "SELECT person, holder, closed, expires_at FROM " + t.holds
                                       + " WHERE person IN (%s) ORDER BY person FOR UPDATE",
                    identities,
                    rs -> rows.put(rs.getString(1),
                            new Row(rs.getString(2), rs.getBoolean(3), JdbcStatements.instant(rs, 4))));
            List<Entry> entries = new ArrayList<>(people.size());
            List<Object[]> takenOver = new ArrayList<>();
            List<Object[]> waiting = new ArrayList<>();
            for (Entrant entrant : people) {
                Row row = rows.get(entrant.identity());
                if (!row.holder().equals(holder) && row.isOpenAt(now)) {
                    entrant.contacts().forEach(w -> waiting.add(waitingRow(w)));
                    entries.add(Entry.WAITING);
                    continue;
                }
                if (!row.holder().equals(holder)) {
                    takenOver.add(new Object[]{holder, expiresAt, entrant.identity()});
                    rows.put(entrant.identity(), new Row(holder, false, expiresAt));
                }
                entrant.contacts().stream().skip(1).forEach(w -> waiting.add(waitingRow(w))); // the first is sent
                entries.add(Entry.HELD);
            }
            JdbcStatements.updateEach(c, "UPDATE " + t.holds + " SET holder = ?, request_key = NULL, "
                                         + "request_index = -1, custom = NULL, keep_millis = 0, expires_at = ?, "
                                         + "closed = FALSE WHERE person = ?",
                    takenOver);
            JdbcStatements.updateEach(c, "INSERT INTO " + t.waiting + " (waiting_id, person, custom, since) "
                                         + "SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                                         + "(SELECT 1 FROM " + t.waiting + " WHERE waiting_id = ?)",
                    waiting);
            return entries;
        });
    }

    private static Object[] waitingRow(WaitingContact w) {
        return new Object[]{w.id(), w.identity(), JdbcStatements.json(w.custom()), w.since(), w.id()};
    }

    @Override
    public void assign(String holder, String requestKey, List<HeldPerson> people, Duration keepResultsFor) {
        String sql = "UPDATE " + tables().holds + " SET request_key = ?, request_index = ?, custom = ?, "
                     + "keep_millis = ? WHERE person = ? AND holder = ?";
        transaction("point holds at request " + requestKey, c -> JdbcStatements.updateEach(c, sql,
                people.stream().map(p -> new Object[]{
                        requestKey, p.position(), JdbcStatements.json(p.custom()), keepResultsFor.toMillis(),
                        p.identity(), holder})
                        .toList()));
    }

    @Override
    public void extend(String requestKey, Instant expiresAt) {
        transaction("extend the holds of request " + requestKey, c -> JdbcStatements.update(c,
                "UPDATE " + tables().holds + " SET expires_at = ? WHERE request_key = ? AND expires_at < ?",
                expiresAt, requestKey, expiresAt));
    }

    @Override
    public void withdraw(String holder, Collection<String> waitingIds) {
        transaction("withdraw holds", c -> {
            JdbcStatements.update(c, "DELETE FROM " + tables().holds + " WHERE holder = ? AND request_key IS NULL",
                    holder);
            return deleteWaiting(c, waitingIds);
        });
    }

    @Override
    public List<Answer> answer(String requestKey) {
        return transaction("answer request " + requestKey, c -> {
            JdbcTables t = tables();
            JdbcStatements.update(c,
                    "UPDATE " + t.holds + " SET closed = TRUE WHERE request_key = ? AND closed = FALSE",
                    requestKey);
            Map<String, Answer> answers = new LinkedHashMap<>();
            JdbcStatements.select(c, "SELECT h.person, h.holder, h.request_key, h.request_index, h.custom, "
                                     + "h.keep_millis, h.expires_at, w.waiting_id, w.custom, w.since FROM " + t.holds
                                     + " h LEFT JOIN " + t.waiting + " w ON w.person = h.person "
                                     + "WHERE h.request_key = ? ORDER BY h.request_index, h.person, w.since, "
                                     + "w.waiting_id",
                    rs -> {
                        Answer answer = answers.get(rs.getString(1));
                        if (answer == null) {
                            answer = new Answer(hold(rs), new ArrayList<>());
                            answers.put(rs.getString(1), answer);
                        }
                        if (rs.getString(8) != null) {
                            answer.waiting().add(new WaitingContact(rs.getString(8), rs.getString(1),
                                    JdbcStatements.custom(rs, 9), JdbcStatements.instant(rs, 10)));
                        }
                        return null;
                    }, requestKey);
            return answers.values().stream().map(a -> new Answer(a.hold(), List.copyOf(a.waiting()))).toList();
        });
    }

    @Override
    public void answered(String requestKey, Collection<String> waitingIds) {
        transaction("forget the answered request " + requestKey, c -> {
            deleteWaiting(c, waitingIds);
            return JdbcStatements.update(c, "DELETE FROM " + tables().holds + " WHERE request_key = ?", requestKey);
        });
    }

    @Override
    public void forget(String requestKey) {
        transaction("forget the holds of request " + requestKey, c -> JdbcStatements.update(c,
                "DELETE FROM " + tables().holds + " WHERE request_key = ?", requestKey));
    }

    @Override
    public List<WaitingContact> purge(Instant now, Instant waitingBefore) {
        return transaction("purge expired holds", c -> {
            JdbcTables t = tables();
            JdbcStatements.update(c, "DELETE FROM " + t.holds + " WHERE expires_at <= ?", now);
            String noOpenHold = "SELECT w.waiting_id, w.person, w.custom, w.since FROM " + t.waiting + " w "
                                + "WHERE w.since < ? AND NOT EXISTS (SELECT 1 FROM " + t.holds + " h "
                                + "WHERE h.person = w.person AND h.closed = FALSE AND h.expires_at > ?) "
                                + "ORDER BY w.since, w.waiting_id";
            List<WaitingContact> unanswered = JdbcStatements.select(c, noOpenHold, JdbcPeopleRegistry::waitingContact,
                    waitingBefore, now);
            int[] deleted = deleteWaiting(c, unanswered.stream().map(WaitingContact::id).toList());
            List<WaitingContact> mine = new ArrayList<>(unanswered.size());
            for (int i = 0; i < deleted.length; i++) {
                if (deleted[i] != 0) { // else another instance's purge took it out at the same moment
                    mine.add(unanswered.get(i));
                }
            }
            return mine;
        });
    }

    @Override
    public List<PersonHold> holds() {
        return transaction("list holds", c -> JdbcStatements.select(c,
                "SELECT " + HOLD + " FROM " + tables().holds + " ORDER BY person", JdbcPeopleRegistry::hold));
    }

    @Override
    public List<WaitingContact> waiting() {
        return transaction("list waiting contacts", c -> JdbcStatements.select(c,
                "SELECT waiting_id, person, custom, since FROM " + tables().waiting + " ORDER BY since, waiting_id",
                JdbcPeopleRegistry::waitingContact));
    }

    @Override
    public Counts counts() {
        return transaction("count holds and waiting contacts", c -> new Counts(
                count(c, tables().holds), count(c, tables().waiting)));
    }

    @Override
    public void keep(Collection<StoredResult> results) {
        Map<String, StoredResult> latest = new LinkedHashMap<>();
        results.forEach(r -> latest.put(r.identity(), r));
        if (latest.isEmpty()) {
            return;
        }
        List<StoredResult> kept = List.copyOf(latest.values());
        transaction("keep " + kept.size() + " results", c -> {
            JdbcTables t = tables();
            int[] updated = JdbcStatements.updateEach(c, "UPDATE " + t.results + " SET enrich_fields = ?, "
                                                         + "contact = ?, found_at = ?, expires_at = ? WHERE person = ?",
                    kept.stream().map(r -> new Object[]{
                            fields(r), r.contact(), r.foundAt(), r.expiresAt(), r.identity()}).toList());
            List<Object[]> absent = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    StoredResult r = kept.get(i);
                    absent.add(new Object[]{r.identity(), fields(r), r.contact(), r.foundAt(), r.expiresAt()});
                }
            }
            return JdbcStatements.updateEach(c, "INSERT INTO " + t.results + " (" + RESULT + ") VALUES (?, ?, ?, ?, ?)",
                    absent);
        });
    }

    @Override
    public Map<String, StoredResult> storedResults(Collection<String> identities, Instant now) {
        if (identities.isEmpty()) {
            return Map.of();
        }
        List<String> people = identities.stream().distinct().toList();
        Map<String, StoredResult> found = new HashMap<>();
        transaction("read " + people.size() + " stored results", c -> JdbcStatements.selectIn(c,
                "SELECT " + RESULT + " FROM " + tables().results + " WHERE person IN (%s) AND expires_at > ?", people,
                rs -> found.put(rs.getString(1), new StoredResult(rs.getString(1), enrichFields(rs.getString(2)),
                        rs.getString(3), JdbcStatements.instant(rs, 4), JdbcStatements.instant(rs, 5))),
                now));
        return found;
    }

    @Override
    public int purgeResults(Instant now) {
        return transaction("purge expired results", c -> JdbcStatements.update(c,
                "DELETE FROM " + tables().results + " WHERE expires_at <= ?",
                now.isAfter(END_OF_TIME) ? END_OF_TIME : now));
    }

    private static String fields(StoredResult r) {
        return String.join(",", r.enrichFields());
    }

    private static List<String> enrichFields(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private static PersonHold hold(ResultSet rs) throws SQLException {
        return new PersonHold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                JdbcStatements.custom(rs, 5), Duration.ofMillis(rs.getLong(6)), JdbcStatements.instant(rs, 7));
    }

    private static WaitingContact waitingContact(ResultSet rs) throws SQLException {
        return new WaitingContact(rs.getString(1), rs.getString(2), JdbcStatements.custom(rs, 3),
                JdbcStatements.instant(rs, 4));
    }

    private static long count(Connection c, String table) throws SQLException {
        return JdbcStatements.select(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)).get(0);
    }

    private int[] deleteWaiting(Connection c, Collection<String> waitingIds) throws SQLException {
        return JdbcStatements.updateEach(c, "DELETE FROM " + tables().waiting + " WHERE waiting_id = ?",
                waitingIds.stream().map(id -> new Object[]{id}).toList());
    }
}
