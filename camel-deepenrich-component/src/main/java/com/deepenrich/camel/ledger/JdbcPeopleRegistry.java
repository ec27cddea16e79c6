package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.RuntimeCamelException;

/**
 * The people store of {@link JdbcDeepEnrichLedger}, in two tables of its database, shared by every instance using it.
 * A hold is one row per person (the primary key makes taking it atomic); a waiting contact registers in the same
 * transaction as an update of its person's open hold, and answering a result closes its holds first, so a contact
 * either waits for a hold that will answer it or finds the hold closed and is sent. Created on the ledger's start
 * when absent; to create them yourself (PostgreSQL):
 *
 * <pre>
 * CREATE TABLE deepenrich_people (
 *     person           VARCHAR(1000) NOT NULL PRIMARY KEY,
 *     holder           VARCHAR(100) NOT NULL,
 *     awaited          BOOLEAN NOT NULL,
 *     enrichment_id    VARCHAR(100),
 *     request_index    INTEGER NOT NULL,
 *     custom           VARCHAR(4000),
 *     expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
 *     closed           BOOLEAN NOT NULL,
 *     waiting          INTEGER NOT NULL
 * );
 * CREATE TABLE deepenrich_people_waiting (
 *     waiting_id       VARCHAR(200) NOT NULL PRIMARY KEY,
 *     person           VARCHAR(1000) NOT NULL,
 *     contact          VARCHAR(8000) NOT NULL,
 *     since            TIMESTAMP WITH TIME ZONE NOT NULL
 * );
 * </pre>
 */
public class JdbcPeopleRegistry implements PeopleRegistry {

    public static final String CREATE_PEOPLE_TABLE = "CREATE TABLE deepenrich_people ("
                                                     + "person VARCHAR(1000) NOT NULL PRIMARY KEY, "
                                                     + "holder VARCHAR(100) NOT NULL, "
                                                     + "awaited BOOLEAN NOT NULL, "
                                                     + "enrichment_id VARCHAR(100), "
                                                     + "request_index INTEGER NOT NULL, "
                                                     + "custom VARCHAR(4000), "
                                                     + "expires_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                                                     + "closed BOOLEAN NOT NULL, "
                                                     + "waiting INTEGER NOT NULL)";

    public static final String CREATE_WAITING_TABLE = "CREATE TABLE deepenrich_people_waiting ("
                                                      + "waiting_id VARCHAR(200) NOT NULL PRIMARY KEY, "
                                                      + "person VARCHAR(1000) NOT NULL, "
                                                      + "contact VARCHAR(8000) NOT NULL, "
                                                      + "since TIMESTAMP WITH TIME ZONE NOT NULL)";

    private static final TypeReference<Map<String, String>> CUSTOM = new TypeReference<>() {
    };
    private static final String HOLD_COLUMNS = "person, holder, awaited, enrichment_id, request_index, custom, "
                                               + "expires_at";
    private static final String SELECT_HOLD = "SELECT " + HOLD_COLUMNS + ", closed FROM deepenrich_people";

    private final Supplier<DataSource> dataSource;

    /** {@code dataSource}: the ledger's, read when used (a ledger bean gets it after it is made). */
    public JdbcPeopleRegistry(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    private <T> T atomically(String what, JdbcStatements.Work<T> work) {
        return JdbcStatements.atomically(dataSource.get(), "people store", what, work);
    }

    private int update(String what, String sql, Object... params) {
        return atomically(what, c -> JdbcStatements.update(c, sql, params));
    }

    private <T> List<T> select(String what, String sql, JdbcStatements.Row<T> row, Object... params) {
        return atomically(what, c -> JdbcStatements.select(c, sql, row, params));
    }

    @Override
    public PersonHold hold(String identity, String holder, boolean awaited, Instant now, Instant expiresAt) {
        PersonHold mine = new PersonHold(identity, holder, awaited, null, -1, Map.of(), expiresAt);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                update("hold a person", "INSERT INTO deepenrich_people (" + HOLD_COLUMNS
                                        + ", closed, waiting) VALUES (?, ?, ?, NULL, -1, NULL, ?, FALSE, 0)",
                        identity, holder, awaited, expiresAt);
                return mine;
            } catch (RuntimeCamelException held) {
                Held current = find(identity);
                if (current == null) {
                    continue; // answered and forgotten meanwhile: insert again
                }
                if (current.hold.holder().equals(holder)) {
                    return current.hold;
                }
                if (!current.closed && current.hold.expiresAt().isAfter(now)) {
                    return current.hold;
                }
                if (update("take over a person's hold", "UPDATE deepenrich_people SET holder = ?, awaited = ?, "
                                                        + "enrichment_id = NULL, request_index = -1, "
                                                        + "custom = NULL, expires_at = ?, closed = FALSE "
                                                        + "WHERE person = ? AND holder = ? "
                                                        + "AND (closed = TRUE OR expires_at <= ?)",
                        holder, awaited, expiresAt, identity, current.hold.holder(), now) == 1) {
                    return mine;
                }
            }
        }
        throw new RuntimeCamelException("DeepEnrich ledger: cannot hold a person: her hold changes hands too often");
    }

    @Override
    public void accepted(String holder, String enrichmentId, List<HeldPerson> people, Instant expiresAt) {
        atomically("point holds at " + enrichmentId, c -> {
            JdbcStatements.updateEach(c, "UPDATE deepenrich_people SET enrichment_id = ?, request_index = ?, "
                                         + "custom = ?, expires_at = ? WHERE person = ? AND holder = ?",
                    people.stream().map(p -> new Object[]{
                            enrichmentId, p.position(), DeepEnrichJson.writeString(p.custom()), expiresAt, p.identity(),
                            holder})
                            .toList());
            return null;
        });
    }

    @Override
    public boolean await(String holder, WaitingContact w) {
        return atomically("register a waiting contact", c -> {
            if (JdbcStatements.update(c, "UPDATE deepenrich_people SET waiting = waiting + 1 WHERE person = ? "
                                         + "AND holder = ? AND closed = FALSE",
                    w.identity(), holder) == 0) {
                return false;
            }
            if (JdbcStatements.select(c, "SELECT 1 FROM deepenrich_people_waiting WHERE waiting_id = ?", rs -> 1,
                    w.id()).isEmpty()) {
                JdbcStatements.update(c, "INSERT INTO deepenrich_people_waiting (waiting_id, person, contact, since) "
                                         + "VALUES (?, ?, ?, ?)",
                        w.id(), w.identity(), w.contact(), w.since());
            }
            return true;
        });
    }

    @Override
    public void withdraw(String holder, Collection<String> waitingIds) {
        atomically("withdraw holds", c -> {
            JdbcStatements.update(c, "DELETE FROM deepenrich_people WHERE holder = ? AND enrichment_id IS NULL",
                    holder);
            deleteWaiting(c, waitingIds);
            return null;
        });
    }

    @Override
    public List<Answer> answer(String enrichmentId) {
        return atomically("answer " + enrichmentId, c -> {
            JdbcStatements.update(c, "UPDATE deepenrich_people SET closed = TRUE WHERE enrichment_id = ?",
                    enrichmentId);
            Map<String, Answer> answers = new LinkedHashMap<>();
            JdbcStatements.select(c, "SELECT p.person, p.holder, p.awaited, p.enrichment_id, p.request_index, "
                                     + "p.custom, p.expires_at, p.closed, w.waiting_id, w.contact, w.since "
                                     + "FROM deepenrich_people p JOIN deepenrich_people_waiting w "
                                     + "ON w.person = p.person WHERE p.enrichment_id = ? "
                                     + "ORDER BY w.since, w.waiting_id",
                    rs -> {
                        PersonHold hold = hold(rs).hold;
                        answers.computeIfAbsent(hold.identity(), k -> new Answer(hold, new ArrayList<>())).waiting()
                                .add(new WaitingContact(rs.getString(9), hold.identity(), rs.getString(10),
                                        JdbcStatements.instant(rs, 11)));
                        return null;
                    }, enrichmentId);
            return List.copyOf(answers.values());
        });
    }

    @Override
    public void answered(String enrichmentId, Collection<String> waitingIds) {
        atomically("forget the answered " + enrichmentId, c -> {
            deleteWaiting(c, waitingIds);
            JdbcStatements.update(c, "DELETE FROM deepenrich_people WHERE enrichment_id = ?", enrichmentId);
            return null;
        });
    }

    @Override
    public void forget(String enrichmentId) {
        update("forget the holds of " + enrichmentId, "DELETE FROM deepenrich_people WHERE enrichment_id = ?",
                enrichmentId);
    }

    @Override
    public int purge(Instant now) {
        return update("purge expired holds", "DELETE FROM deepenrich_people WHERE expires_at <= ?", now);
    }

    @Override
    public List<PersonHold> holds() {
        return select("list holds", SELECT_HOLD + " ORDER BY person", rs -> hold(rs).hold);
    }

    @Override
    public List<WaitingContact> waiting() {
        return select("list waiting contacts", "SELECT waiting_id, person, contact, since "
                                               + "FROM deepenrich_people_waiting ORDER BY since, waiting_id",
                rs -> new WaitingContact(rs.getString(1), rs.getString(2), rs.getString(3),
                        JdbcStatements.instant(rs, 4)));
    }

    private record Held(PersonHold hold, boolean closed) {
    }

    private Held find(String identity) {
        return select("find a hold", SELECT_HOLD + " WHERE person = ?", JdbcPeopleRegistry::hold, identity)
                .stream().findFirst().orElse(null);
    }

    private static Held hold(ResultSet rs) throws SQLException {
        String custom = rs.getString(6);
        Map<String, String> fields;
        try {
            fields = custom == null ? Map.of() : DeepEnrichJson.mapper().readValue(custom, CUSTOM);
        } catch (java.io.IOException e) {
            throw new SQLException("unreadable custom fields of a hold: " + e.getMessage(), e);
        }
        return new Held(new PersonHold(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                rs.getInt(5), fields, JdbcStatements.instant(rs, 7)), rs.getBoolean(8));
    }

    private static void deleteWaiting(Connection c, Collection<String> waitingIds) throws SQLException {
        JdbcStatements.updateEach(c, "DELETE FROM deepenrich_people_waiting WHERE waiting_id = ?",
                waitingIds.stream().map(id -> new Object[]{id}).toList());
    }
}
