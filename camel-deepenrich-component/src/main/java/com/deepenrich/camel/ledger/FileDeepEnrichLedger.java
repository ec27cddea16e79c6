package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A ledger in one file, so that one instance survives a restart or a crash: the {@link JdbcDeepEnrichLedger} on an
 * embedded H2 database of its own ({@code <name>.mv.db}), whose cost per request does not grow with what it keeps.
 * Every commit is written to the file before the call returns ({@code WRITE_DELAY=0}): a process killed at any point
 * (kill -9) loses nothing committed. H2 keeps at most {@value #CACHE_KB} KB of pages in memory, whatever the file
 * holds.
 * <p>
 * One file belongs to one process at a time: H2 locks it while it is open, and another process opening it fails
 * with an error naming it. What belongs to the process that had it open before (its claims, and its holds of people
 * whose request was not accepted) is dropped when a process opens it; its requests on the wire are in doubt.
 * <p>
 * Given a directory, the file is {@code deepenrich-ledger.mv.db} in it; given a file, that name with {@code .mv.db}
 * ({@code data/ledger} and {@code data/ledger.json}: {@code data/ledger.mv.db}). A JSON ledger of an earlier version
 * at that path (or {@code deepenrich-ledger.json} in the directory) is imported, with its {@code .wire.json},
 * {@code .credits.json} and {@code .people.json} files (see {@link JsonLedgerImport}), and renamed
 * {@code .imported}.
 * <p>
 * The file is opened when the ledger is made, and closed when it is stopped ({@link #stop}, {@link #close}); a stopped
 * ledger that is used again opens it again. Bean example:
 * {@code camel.component.deepenrich.ledger = #class:com.deepenrich.camel.ledger.FileDeepEnrichLedger('data/ledger')}.
 */
public class FileDeepEnrichLedger extends JdbcDeepEnrichLedger {

    /** The file's name in a directory given as the path, without H2's {@code .mv.db}. */
    public static final String DEFAULT_FILE_NAME = "deepenrich-ledger";

    private static final String H2_SUFFIX = ".mv.db";
    private static final int CACHE_KB = 8192;
    /**
     * Each commit is written at once (WRITE_DELAY=0, durable on kill -9), so H2's background writer, which compacts,
     * does not run: the file keeps growing with chunks whose pages are partly live until the database closes, when it
     * compacts for at most this long.
     */
    private static final int COMPACT_ON_CLOSE_MS = 10_000;

    private final Path file;
    private final String url;
    private final Object opening = new Object();
    private JdbcConnectionPool pool;

    public FileDeepEnrichLedger(String path) {
        this(Path.of(path));
    }

    /** Opens the file; a file in use by another process, or a JSON file that is not a ledger, fails here. */
    public FileDeepEnrichLedger(Path path) {
        Path given = path.toAbsolutePath();
        boolean directory = Files.isDirectory(given);
        Path database = directory ? given.resolve(DEFAULT_FILE_NAME) : withoutSuffix(given);
        if (database.toString().contains(";")) {
            throw new IllegalArgumentException("A FileDeepEnrichLedger path cannot contain ';': " + given);
        }
        this.file = database.resolveSibling(database.getFileName() + H2_SUFFIX);
        this.url = "jdbc:h2:file:" + database + ";WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KB + ";MAX_COMPACT_TIME="
                   + COMPACT_ON_CLOSE_MS + ";TRACE_LEVEL_FILE=0";
        Path json = directory ? given.resolve(DEFAULT_FILE_NAME + ".json") : given;
        JsonLedgerImport legacy = json.equals(file) ? JsonLedgerImport.NONE : JsonLedgerImport.read(json);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of the DeepEnrich ledger " + file, e);
        }
        database();
        legacy.into(this);
    }

    private static Path withoutSuffix(Path given) {
        String name = given.getFileName().toString();
        for (String suffix : new String[]{H2_SUFFIX, ".json"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return given.resolveSibling(name.substring(0, name.length() - suffix.length()));
            }
        }
        return given;
    }

    /** The H2 database file, {@code <name>.mv.db}. */
    public Path getFile() {
        return file;
    }

    /** False: one process at a time. */
    @Override
    public boolean isShared() {
        return false;
    }

    /** The file's database, opened (and locked) now when it is not open. */
    @Override
    public DataSource getDataSource() {
        return database();
    }

    private JdbcConnectionPool database() {
        synchronized (opening) {
            if (pool == null) {
                JdbcConnectionPool opened = JdbcConnectionPool.create(url, "sa", "");
                boolean firstInThisProcess = sessions(opened) == 1;
                pool = opened;
                if (firstInThisProcess) {
                    dropWhatTheLastProcessHeld();
                }
            }
            return pool;
        }
    }

    /** The ledger keeps its own database, in its file. */
    @Override
    public void setDataSource(DataSource dataSource) {
        throw new UnsupportedOperationException("A FileDeepEnrichLedger keeps its database in " + file
                                                + ": use a JdbcDeepEnrichLedger for a DataSource of yours");
    }

    @Override
    protected void doStart() throws Exception {
        database();
        super.doStart();
    }

    /**
     * Closes the file: H2 writes what it caches, compacts the file (for at most {@value #COMPACT_ON_CLOSE_MS} ms; when no
     * other ledger of this process has it open) and lets the lock go.
     */
    @Override
    protected void doStop() throws Exception {
        synchronized (opening) {
            if (pool != null) {
                pool.dispose();
                pool = null;
            }
        }
        super.doStop();
    }

    /** How many sessions the database has, this one included: 1 when no other ledger of this process has it open. */
    private long sessions(JdbcConnectionPool opened) {
        try (Connection c = opened.getConnection()) {
            return JdbcStatements.select(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS", rs -> rs.getLong(1))
                    .get(0);
        } catch (SQLException e) {
            opened.dispose();
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new IllegalStateException("The DeepEnrich ledger file " + file + " is in use by another "
                                                + "process: a file ledger belongs to one process at a time (share a "
                                                + "JdbcDeepEnrichLedger on one database between processes)",
                        e);
            }
            throw new RuntimeCamelException("Cannot open the DeepEnrich ledger file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Its claims, and the holds of people whose request DeepEnrich did not accept (not formed, waiting for its turn,
     * or in doubt): nothing will send them now, and a later contact of theirs is to be sent, not to wait for them.
     */
    private void dropWhatTheLastProcessHeld() {
        JdbcTables t = tables();
        transaction("ledger", "drop the claims and unsent holds of the last process", c -> {
            JdbcStatements.update(c, "UPDATE " + t.ledger + " SET claimed_by = NULL, claim_expires_at = NULL "
                                     + "WHERE claimed_by IS NOT NULL");
            return JdbcStatements.update(c, "DELETE FROM " + t.holds + " h WHERE h.request_key IS NULL OR NOT EXISTS "
                                            + "(SELECT 1 FROM " + t.ledger + " l WHERE l.name LIKE CONCAT('% #', "
                                            + "h.request_key))");
        });
    }
}
