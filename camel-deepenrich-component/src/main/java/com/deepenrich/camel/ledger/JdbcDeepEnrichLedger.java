package com.deepenrich.camel.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger in tables of a database, shared by every instance that uses the same database: any of them polls and
 * emits any pending enrichment, and a crashed instance's work is taken over when its claim expires. A claim is one
 * conditional {@code UPDATE}, so two instances never both win it. Plain JDBC, standard SQL: tested on H2 and on a
 * real PostgreSQL 14. Every call is one transaction; one that meets another instance's concurrent write (a unique key
 * inserted first, a deadlock) is run again, a few times at most.
 * <p>
 * The tables are created on first use (or on start) when they do not exist, each named by the table prefix
 * ({@link #setTablePrefix}, default {@code deepenrich_}, which may start with a schema: {@code crm.deepenrich_}). To
 * create them yourself (PostgreSQL, default prefix):
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
 * CREATE INDEX deepenrich_submissions_accepted_idx ON deepenrich_submissions (accepted_at);
 * CREATE INDEX deepenrich_submissions_enrichment_idx ON deepenrich_submissions (enrichment_id);
 * -- the requests on the wire (see JdbcWireRecords)
 * CREATE TABLE deepenrich_wire_records (
 *     request_key          VARCHAR(100) NOT NULL PRIMARY KEY,
 *     name                 VARCHAR(1000),
 *     fingerprint          VARCHAR(64) NOT NULL,
 *     fingerprint_window   BIGINT NOT NULL,
 *     written_at           TIMESTAMP WITH TIME ZONE NOT NULL,
 *     contact_count        INTEGER NOT NULL,
 *     contacts_digest      VARCHAR(64) NOT NULL,
 *     incarnation          VARCHAR(36) NOT NULL,
 *     in_doubt             BOOLEAN NOT NULL
 * );
 * CREATE INDEX deepenrich_wire_records_digest_idx ON deepenrich_wire_records (contacts_digest);
 * CREATE INDEX deepenrich_wire_records_written_idx ON deepenrich_wire_records (written_at);
 * -- the credits budget (see JdbcCreditsBook)
 * CREATE TABLE deepenrich_credits (
 *     account          VARCHAR(64) NOT NULL,
 *     period           VARCHAR(10) NOT NULL,
 *     period_end       TIMESTAMP WITH TIME ZONE,
 *     reserved         BIGINT NOT NULL,
 *     spent            BIGINT NOT NULL,
 *     PRIMARY KEY (account, period)
 * );
 * CREATE TABLE deepenrich_credit_reservations (
 *     reservation_id   VARCHAR(36) NOT NULL PRIMARY KEY,
 *     account          VARCHAR(64) NOT NULL,
 *     period           VARCHAR(10) NOT NULL,
 *     credits          BIGINT NOT NULL,
 *     request_name     VARCHAR(1000),
 *     reserved_at      TIMESTAMP WITH TIME ZONE NOT NULL
 * );
 * CREATE INDEX deepenrich_credit_reservations_time_idx ON deepenrich_credit_reservations (reserved_at);
 * -- the people store (see JdbcPeopleRegistry)
 * CREATE TABLE deepenrich_holds (
 *     person           VARCHAR(1000) NOT NULL PRIMARY KEY,
 *     holder           VARCHAR(100) NOT NULL,
 *     request_key      VARCHAR(100),
 *     request_index    INTEGER NOT NULL,
 *     custom           TEXT,
 *     keep_millis      BIGINT NOT NULL,
 *     expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
 *     closed           BOOLEAN NOT NULL
 * );
 * CREATE INDEX deepenrich_holds_expiry_idx ON deepenrich_holds (expires_at);
 * CREATE INDEX deepenrich_holds_holder_idx ON deepenrich_holds (holder);
 * CREATE INDEX deepenrich_holds_request_idx ON deepenrich_holds (request_key);
 * CREATE TABLE deepenrich_waiting_contacts (
 *     waiting_id       VARCHAR(200) NOT NULL PRIMARY KEY,
 *     person           VARCHAR(1000) NOT NULL,
 *     custom           TEXT NOT NULL,
 *     since            TIMESTAMP WITH TIME ZONE NOT NULL
 * );
 * CREATE INDEX deepenrich_waiting_contacts_person_idx ON deepenrich_waiting_contacts (person);
 * CREATE TABLE deepenrich_stored_results (
 *     person           VARCHAR(1000) NOT NULL PRIMARY KEY,
 *     enrich_fields    VARCHAR(1000) NOT NULL,
 *     contact          TEXT NOT NULL,
 *     found_at         TIMESTAMP WITH TIME ZONE NOT NULL,
 *     expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
 * );
 * CREATE INDEX deepenrich_stored_results_expiry_idx ON deepenrich_stored_results (expires_at);
 * </pre>
 *
 * The requests on the wire and the people store are keyed by the request's key; their tables
 * ({@code wire_records, holds, waiting_contacts, stored_results}) have names of their own, so a database that still
 * holds the tables of earlier versions ({@code deepenrich_wire, deepenrich_people, deepenrich_people_waiting,
 * deepenrich_people_results}) starts: those are left as they are, unread, and may be dropped. The reservations of an
 * earlier version (whose {@code enrichment_id} column is no longer written) are released by the credits purge.
 * <p>
 * Claims expire by the clock of the instance that checks them: keep the instances' clocks synchronized (NTP). Bean
 * example: {@code camel.beans.ledger = #class:com.deepenrich.camel.ledger.JdbcDeepEnrichLedger(#dataSource)}.
 */
public class JdbcDeepEnrichLedger extends ServiceSupport implements DeepEnrichLedger {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeepEnrichLedger.class);

    /** How many times a call that conflicts with another instance's concurrent transaction is run in all. */
    private static final int ATTEMPTS = 5;

    private static final int NAME_LENGTH = 1000;
    private static final String PENDING = "enrichment_id, name, submitted_at, contact_count";

    private DataSource dataSource;
    private volatile JdbcTables tables = JdbcTables.of(JdbcTables.DEFAULT_PREFIX);
    /** The tables known to exist in the database (null: not checked yet). */
    private volatile JdbcTables created;
    private Clock clock = Clock.systemUTC();
    private final JdbcCreditsBook credits = new JdbcCreditsBook(this);
    private final JdbcPeopleRegistry people = new JdbcPeopleRegistry(this);
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

    /** The database holding the ledger's tables. */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTablePrefix() {
        return tables.prefix();
    }

    /**
     * What every table and index name starts with (default {@code deepenrich_}): letters, digits and underscores,
     * optionally after a schema name and a dot ({@code crm.deepenrich_}), so that several ledgers share a database.
     */
    public void setTablePrefix(String tablePrefix) {
        tables = JdbcTables.of(tablePrefix);
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** The tables, created when absent. */
    @Override
    protected void doStart() throws Exception {
        ready();
    }

    /** True: every instance using the database reads and writes it. */
    @Override
    public boolean isShared() {
        return true;
    }

    /** In the table {@code <prefix>wire_records}. */
    @Override
    public WireRecords wire() {
        return wire;
    }

    /** The credits budget's counts and reservations, in their own tables (see {@link JdbcCreditsBook}). */
    @Override
    public CreditsBook credits() {
        return credits;
    }

    /** The people being enriched, in tables of the same database (see {@link JdbcPeopleRegistry}). */
    @Override
    public PeopleRegistry people() {
        return people;
    }

    /** An id recorded already stays as it is. */
    @Override
    public void record(PendingEnrichment p) {
        update("record " + p.enrichmentId(),
                "INSERT INTO " + tables.ledger + " (" + PENDING + ") SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                                             + "(SELECT 1 FROM " + tables.ledger + " WHERE enrichment_id = ?)",
                p.enrichmentId(), storable(p.name()), p.submittedAt(), p.contactCount(), p.enrichmentId());
    }

    /**
     * The name as a column can hold it: without NUL characters (PostgreSQL refuses them in text, and a refused record
     * would fail a submission the API already accepted), cut to {@value #NAME_LENGTH} characters without splitting a
     * surrogate pair.
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
        return selectPending("list pending enrichments", "ORDER BY submitted_at, enrichment_id");
    }

    @Override
    public Optional<PendingEnrichment> find(String enrichmentId) {
        return selectPending("find " + enrichmentId, "WHERE enrichment_id = ?", enrichmentId).stream().findFirst();
    }

    @Override
    public boolean claim(String enrichmentId, String owner, Duration lease) {
        Instant now = clock.instant();
        return update("claim " + enrichmentId,
                "UPDATE " + tables.ledger + " SET claimed_by = ?, claim_expires_at = ? WHERE enrichment_id = ?"
                                               + " AND (claimed_by IS NULL OR claimed_by = ? OR claim_expires_at < ?)",
                owner, now.plus(lease), enrichmentId, owner, now) == 1;
    }

    @Override
    public void release(String enrichmentId, String owner) {
        update("release " + enrichmentId,
                "UPDATE " + tables.ledger + " SET claimed_by = NULL, claim_expires_at = NULL"
                                          + " WHERE enrichment_id = ? AND claimed_by = ?",
                enrichmentId, owner);
    }

    @Override
    public boolean complete(String enrichmentId) {
        return update("complete " + enrichmentId, "DELETE FROM " + tables.ledger + " WHERE enrichment_id = ?",
                enrichmentId) > 0;
    }

    @Override
    public void recordSubmission(String fingerprint, String enrichmentId, Instant acceptedAt, Duration keep) {
        transaction("ledger", "remember submission " + enrichmentId, c -> {
            JdbcStatements.update(c, "DELETE FROM " + tables.submissions + " WHERE accepted_at < ?",
                    acceptedAt.minus(keep));
            if (JdbcStatements.update(c, "UPDATE " + tables.submissions + " SET enrichment_id = ?, accepted_at = ? "
                                         + "WHERE fingerprint = ?",
                    enrichmentId, acceptedAt, fingerprint) == 0) {
                JdbcStatements.update(c, "INSERT INTO " + tables.submissions + " (fingerprint, enrichment_id, "
                                         + "accepted_at) VALUES (?, ?, ?)",
                        fingerprint, enrichmentId, acceptedAt);
            }
            return null;
        });
    }

    @Override
    public Optional<String> findSubmission(String fingerprint, Instant acceptedSince) {
        return select("find submission", "SELECT enrichment_id FROM " + tables.submissions + " WHERE fingerprint = ?"
                                         + " AND accepted_at >= ?",
                rs -> rs.getString(1), fingerprint, acceptedSince).stream().findFirst();
    }

    @Override
    public void forgetSubmission(String enrichmentId) {
        update("forget submission " + enrichmentId, "DELETE FROM " + tables.submissions + " WHERE enrichment_id = ?",
                enrichmentId);
    }

    /** The names of the tables, from the table prefix. */
    JdbcTables tables() {
        return tables;
    }

    private List<PendingEnrichment> selectPending(String what, String condition, Object... params) {
        return select(what, "SELECT " + PENDING + " FROM " + tables.ledger + " " + condition,
                rs -> new PendingEnrichment(rs.getString(1), rs.getString(2), JdbcStatements.instant(rs, 3),
                        rs.getInt(4)),
                params);
    }

    private int update(String what, String sql, Object... params) {
        return transaction("ledger", what, c -> JdbcStatements.update(c, sql, params));
    }

    private <T> List<T> select(String what, String sql, JdbcStatements.Row<T> row, Object... params) {
        return transaction("ledger", what, c -> JdbcStatements.select(c, sql, row, params));
    }

    /**
     * Runs {@code work}, and every call of this ledger it makes on this thread, in one transaction: all of it is
     * committed, or none.
     */
    void inOneTransaction(String what, Runnable work) {
        transaction("ledger", what, c -> {
            boolean outermost = joined.get() == null;
            joined.set(c);
            try {
                work.run();
                return null;
            } finally {
                if (outermost) {
                    joined.remove();
                }
            }
        });
    }

    /**
     * Runs {@code work} in one transaction, again when it conflicted with a concurrent one (another instance inserted
     * the same key first, a deadlock), {@value #ATTEMPTS} times at most; inside {@link #inOneTransaction}, on that
     * transaction's connection. {@code store} and {@code what} name it in a failure.
     */
    <T> T transaction(String store, String what, JdbcStatements.Work<T> work) {
        Connection open = joined.get();
        if (open != null) {
            try {
                return work.run(open);
            } catch (SQLException e) {
                throw failure(store, what, e);
            }
        }
        DataSource database = ready();
        for (int attempt = 1;; attempt++) {
            try {
                return JdbcStatements.atomically(database, work);
            } catch (SQLException | RuntimeException e) {
                if (!JdbcStatements.isConflict(e)) {
                    throw e instanceof RuntimeException unchecked ? unchecked : failure(store, what, (SQLException) e);
                }
                if (attempt == ATTEMPTS) {
                    throw new RuntimeCamelException("DeepEnrich " + store + ": cannot " + what + ": it conflicted "
                                                    + ATTEMPTS + " times with other instances' transactions",
                            e);
                }
                LOG.debug("DeepEnrich {}: {} conflicted with a concurrent transaction ({}): running it again", store,
                        what, e.getMessage());
            }
        }
    }

    private static RuntimeCamelException failure(String store, String what, SQLException e) {
        return new RuntimeCamelException("DeepEnrich " + store + ": cannot " + what + ": " + e.getMessage(), e);
    }

    /** The database, its tables created when this ledger meets them for the first time. */
    private DataSource ready() {
        DataSource database = getDataSource();
        if (database == null) {
            throw new IllegalStateException("JdbcDeepEnrichLedger has no dataSource: set one (constructor or "
                                            + "setDataSource) before the ledger is used");
        }
        JdbcTables names = tables;
        if (created != names) {
            createTables(database, names);
        }
        return database;
    }

    private synchronized void createTables(DataSource database, JdbcTables names) {
        if (created == names) {
            return;
        }
        for (JdbcTables.Table table : JdbcTables.ALL) {
            String name = names.name(table);
            create(database, names.create(table), "create table " + name, () -> exists(database, name));
            for (String index : names.createIndexes(table)) {
                create(database, index, "create an index (" + index + ")", () -> false);
            }
        }
        created = names;
    }

    /**
     * Runs {@code ddl} unless {@code done} already. Another instance creating the same table or index at the same
     * moment may fail an attempt (its table not visible yet, a deadlock on the schema): tried again a few times, a
     * little later each time.
     */
    private static void create(DataSource database, String ddl, String what, BooleanSupplier done) {
        for (int attempt = 1;; attempt++) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                JdbcStatements.atomically(database, c -> JdbcStatements.update(c, ddl));
                return;
            } catch (SQLException e) {
                if (attempt == ATTEMPTS) {
                    if (done.getAsBoolean()) {
                        return;
                    }
                    throw failure("ledger", what, e);
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure("ledger", what, e);
                }
            }
        }
    }

    private static boolean exists(DataSource database, String table) {
        try {
            JdbcStatements.atomically(database,
                    c -> JdbcStatements.select(c, "SELECT 1 FROM " + table + " WHERE 1 = 0", rs -> 1));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
