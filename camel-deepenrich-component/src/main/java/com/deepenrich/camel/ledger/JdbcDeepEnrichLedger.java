package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;

/**
 * A ledger in a database table, shared by every instance that uses the same database: any of them polls and emits
 * any pending enrichment, and a crashed instance's work is taken over when its claim expires. A claim is one
 * conditional {@code UPDATE}, so two instances never both win it. Plain JDBC, standard SQL: tested on H2 and on a
 * real PostgreSQL 14. The tables are created on start when they do not exist; to create it yourself (PostgreSQL):
 *
 * <pre>
 * CREATE TABLE deepenrich_ledger (
 *     enrichment_id    VARCHAR(100) NOT NULL PRIMARY KEY,
 *     name             VARCHAR(1000),
 *     submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
 *     contact_count    INTEGER NOT NULL,
 *     claimed_by       VARCHAR(200),
 *     claim_expires_at TIMESTAMP WITH TIME ZONE
 * );
 * CREATE TABLE deepenrich_submissions (
 *     fingerprint      VARCHAR(64) NOT NULL PRIMARY KEY,
 *     enrichment_id    VARCHAR(100) NOT NULL,
 *     accepted_at      TIMESTAMP WITH TIME ZONE NOT NULL
 * );
 * </pre>
 *
 * The credits budget keeps its own two tables in the same database, created on start too (see
 * {@link JdbcCreditsBook}), and so do the people being enriched (see {@link JdbcPeopleRegistry}) and the requests on the
 * wire (see {@link JdbcWireRecords}). Claims expire by the clock of the instance that checks them: keep the instances' clocks
 * synchronized (NTP).
 * Bean example: {@code camel.beans.ledger = #class:com.deepenrich.camel.ledger.JdbcDeepEnrichLedger(#dataSource)}.
 */
public class JdbcDeepEnrichLedger extends ServiceSupport implements DeepEnrichLedger {

    public static final String CREATE_TABLE = "CREATE TABLE deepenrich_ledger ("
                                              + "enrichment_id VARCHAR(100) NOT NULL PRIMARY KEY, "
                                              + "name VARCHAR(1000), "
                                              + "submitted_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                                              + "contact_count INTEGER NOT NULL, "
                                              + "claimed_by VARCHAR(200), "
                                              + "claim_expires_at TIMESTAMP WITH TIME ZONE)";

    public static final String CREATE_SUBMISSIONS_TABLE = "CREATE TABLE deepenrich_submissions ("
                                                          + "fingerprint VARCHAR(64) NOT NULL PRIMARY KEY, "
                                                          + "enrichment_id VARCHAR(100) NOT NULL, "
                                                          + "accepted_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    private static final int NAME_LENGTH = 1000;
    private static final String SELECT =
            "SELECT enrichment_id, name, submitted_at, contact_count FROM deepenrich_ledger";

    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private final JdbcCreditsBook credits = new JdbcCreditsBook(this::getDataSource);
    private final JdbcPeopleRegistry people = new JdbcPeopleRegistry(this::getDataSource);
    private final JdbcWireRecords wire = new JdbcWireRecords(this);
    /** The connection of the transaction {@link #inOneTransaction} runs on this thread, which every call joins. */
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();

    public JdbcDeepEnrichLedger() {
    }

    public JdbcDeepEnrichLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database holding the deepenrich_ledger table. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        ObjectHelper.notNull(dataSource, "dataSource", this);
        createIfAbsent("deepenrich_ledger", CREATE_TABLE);
        createIfAbsent("deepenrich_submissions", CREATE_SUBMISSIONS_TABLE);
        createIfAbsent("deepenrich_credits", JdbcCreditsBook.CREATE_CREDITS_TABLE);
        createIfAbsent("deepenrich_credit_reservations", JdbcCreditsBook.CREATE_RESERVATIONS_TABLE);
        createIfAbsent("deepenrich_people", JdbcPeopleRegistry.CREATE_PEOPLE_TABLE);
        createIfAbsent("deepenrich_people_waiting", JdbcPeopleRegistry.CREATE_WAITING_TABLE);
        createIfAbsent("deepenrich_people_results", JdbcPeopleRegistry.CREATE_RESULTS_TABLE);
        createIfAbsent("deepenrich_wire", JdbcWireRecords.CREATE_TABLE);
    }

    /** In the table deepenrich_wire. */
    @Override
    public WireRecords wire() {
        return wire;
    }

    private void createIfAbsent(String table, String ddl) {
        if (!tableExists(table)) {
            try {
                update("create table " + table, ddl);
            } catch (RuntimeCamelException e) {
                if (!tableExists(table)) { // else another instance created it at the same moment
                    throw e;
                }
            }
        }
    }

    /** The credits budget's counts and reservations, in their own tables (see {@link JdbcCreditsBook}). */
    @Override
    public CreditsBook credits() {
        return credits;
    }

    /**
     * An id recorded already stays as it is. Inserted only when absent, so that recording it again inside a
     * transaction (with the request's wire record) does not abort that transaction on PostgreSQL.
     */
    @Override
    public void record(PendingEnrichment p) {
        try {
            update("record " + p.enrichmentId(),
                    "INSERT INTO deepenrich_ledger (enrichment_id, name, submitted_at, contact_count) SELECT ?, ?, ?, ?"
                                                 + " WHERE NOT EXISTS (SELECT 1 FROM deepenrich_ledger WHERE enrichment_id = ?)",
                    p.enrichmentId(), storable(p.name()), p.submittedAt(), p.contactCount(), p.enrichmentId());
        } catch (RuntimeCamelException e) {
            if (find(p.enrichmentId()).isEmpty()) { // else it was recorded already
                throw e;
            }
        }
    }

    /**
     * The name as the column can hold it: without NUL characters (PostgreSQL refuses them in text, and a refused
     * record would fail a submission the API already accepted), cut to {@value #NAME_LENGTH} characters without
     * splitting a surrogate pair.
     */
    static String storable(String name) {
        if (name == null) {
            return null;
        }
        String clean = name.replace("\u0000", "");
        if (clean.length() <= NAME_LENGTH) {
            return clean;
        }
        return clean.substring(0,
                Character.isHighSurrogate(clean.charAt(NAME_LENGTH - 1)) ? NAME_LENGTH - 1 : NAME_LENGTH);
    }

    @Override
    public List<PendingEnrichment> pending() {
        return query("list pending enrichments", SELECT + " ORDER BY submitted_at, enrichment_id");
    }

    @Override
    public Optional<PendingEnrichment> find(String enrichmentId) {
        return query("find " + enrichmentId, SELECT + " WHERE enrichment_id = ?", enrichmentId).stream().findFirst();
    }

    @Override
    public boolean claim(String enrichmentId, String owner, Duration lease) {
        Instant now = clock.instant();
        return update("claim " + enrichmentId,
                "UPDATE deepenrich_ledger SET claimed_by = ?, claim_expires_at = ? WHERE enrichment_id = ?"
                                               + " AND (claimed_by IS NULL OR claimed_by = ? OR claim_expires_at < ?)",
                owner, now.plus(lease), enrichmentId, owner, now) == 1;
    }

    @Override
    public void release(String enrichmentId, String owner) {
        update("release " + enrichmentId,
                "UPDATE deepenrich_ledger SET claimed_by = NULL, claim_expires_at = NULL"
                                          + " WHERE enrichment_id = ? AND claimed_by = ?",
                enrichmentId, owner);
    }

    @Override
    public boolean complete(String enrichmentId) {
        return update("complete " + enrichmentId, "DELETE FROM deepenrich_ledger WHERE enrichment_id = ?",
                enrichmentId) > 0;
    }

    @Override
    public void recordSubmission(String fingerprint, String enrichmentId, Instant acceptedAt, Duration keep) {
        update("forget old submissions", "DELETE FROM deepenrich_submissions WHERE accepted_at < ?",
                acceptedAt.minus(keep));
        if (update("remember submission " + enrichmentId, "UPDATE deepenrich_submissions SET enrichment_id = ?, "
                                                          + "accepted_at = ? WHERE fingerprint = ?",
                enrichmentId, acceptedAt, fingerprint) == 0) {
            try {
                update("remember submission " + enrichmentId,
                        "INSERT INTO deepenrich_submissions (fingerprint, enrichment_id, accepted_at) VALUES (?, ?, ?)",
                        fingerprint, enrichmentId, acceptedAt);
            } catch (RuntimeCamelException e) {
                if (findSubmission(fingerprint, acceptedAt).isEmpty()) { // else another instance just did
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<String> findSubmission(String fingerprint, Instant acceptedSince) {
        return select("find submission", "SELECT enrichment_id FROM deepenrich_submissions WHERE fingerprint = ?"
                                         + " AND accepted_at >= ?",
                rs -> rs.getString(1), fingerprint, acceptedSince).stream().findFirst();
    }

    @Override
    public void forgetSubmission(String enrichmentId) {
        update("forget submission " + enrichmentId, "DELETE FROM deepenrich_submissions WHERE enrichment_id = ?",
                enrichmentId);
    }

    /** The people being enriched, in tables of the same database (see {@link JdbcPeopleRegistry}). */
    @Override
    public PeopleRegistry people() {
        return people;
    }

    private boolean tableExists(String table) {
        try {
            select("check table " + table, "SELECT 1 FROM " + table + " WHERE 1 = 0", rs -> 1);
            return true;
        } catch (RuntimeCamelException e) {
            return false;
        }
    }

    int update(String what, String sql, Object... params) {
        return inTransaction(what, c -> JdbcStatements.update(c, sql, params));
    }

    private List<PendingEnrichment> query(String what, String sql, Object... params) {
        return select(what, sql, rs -> new PendingEnrichment(rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4)), params);
    }

    <T> List<T> select(String what, String sql, JdbcStatements.Row<T> row, Object... params) {
        return inTransaction(what, c -> JdbcStatements.select(c, sql, row, params));
    }

    /**
     * Runs {@code work}, and every call of this ledger it makes on this thread, in one transaction: all of it is
     * committed, or none.
     */
    void inOneTransaction(String what, Runnable work) {
        if (joined.get() != null) {
            work.run();
            return;
        }
        JdbcStatements.atomically(dataSource, "ledger", what, c -> {
            joined.set(c);
            try {
                work.run();
                return null;
            } finally {
                joined.remove();
            }
        });
    }

    /**
     * Runs {@code work} on a connection of the pool, committing it when the pool hands out transactional ones; inside
     * {@link #inOneTransaction}, on that transaction's connection.
     */
    private <T> T inTransaction(String what, JdbcStatements.Work<T> work) {
        Connection open = joined.get();
        if (open != null) {
            try {
                return work.run(open);
            } catch (SQLException e) {
                throw new RuntimeCamelException("DeepEnrich ledger: cannot " + what + ": " + e.getMessage(), e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                T result = work.run(c);
                if (!autoCommit) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (!autoCommit) {
                    c.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("DeepEnrich ledger: cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
