package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorStats;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * B7: B6's CRM re-sync at {@code ledgerResyncLeads} leads on each persistent ledger, the file ledger (an H2 file)
 * and the JDBC ledger on PostgreSQL (embedded: a real PostgreSQL 14 server from a Maven artifact), with
 * {@code reuseResultsWithin=1d}, results by webhook, against the simulator. The application runs in a child JVM
 * ({@link LedgerResyncJob}), so that its heap is its own; the simulator and the database server run outside it.
 * The figures are day 2's, with the ledger's size on disk once both days were answered.
 */
final class LedgerResyncBenchmark {

    static final String TITLE = "B7 CRM re-sync on a persistent ledger, day 2";
    static final String FILE = "file ledger (FileDeepEnrichLedger, H2 file)";
    static final String POSTGRESQL = "JDBC ledger on PostgreSQL 14 (embedded, HikariCP pool)";

    private LedgerResyncBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        Path directory = Path.of("target", "b7-file-ledger").toAbsolutePath();
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Map<String, String> file = runChild(scale, LedgerResyncJob.FILE + directory, () -> sizeOnDisk(directory));
        if ("completed".equals(file.get("outcome"))) {
            file.put("live data in the file", liveShare(directory.resolve(FileDeepEnrichLedger.DEFAULT_FILE_NAME)));
        }
        report.add(TITLE, FILE, file);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE b7");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/b7?user=postgres";
            Map<String, String> postgresql = runChild(scale, LedgerResyncJob.POSTGRESQL + url,
                    () -> tablesOnDisk(postgres, "b7"));
            postgresql.put("live data in the file", "-");
            report.add(TITLE, POSTGRESQL, postgresql);
        }
        Duration window = scale.resyncWindow();
        report.note(TITLE + ": day 1 " + Stats.integer(scale.ledgerResyncLeads()) + " leads, all new; day 2 B6's"
                    + " export of them (5% changed, 5% new, 3% spelled another way, 5% more rows repeating a"
                    + " person). deepenrich:bulk with " + LedgerResyncJob.REUSE_ONE_DAY + " and every other option"
                    + " at its default, results by webhook; limit " + ResyncApp.LIMIT_PER_WINDOW + " requests per "
                    + window.toMillis() + " ms window, jobs of " + ResyncApp.JOB_WINDOWS + " windows. The"
                    + " application in a child JVM (default heap), its heap read after a full GC at the end of day 2, the"
                    + " benchmark's own rows and answers let go; 'on disk' is the file ledger's file, or the ledger's"
                    + " PostgreSQL tables with their indexes (pg_total_relation_size), once the day was answered.");
    }

    private static Map<String, String> runChild(Scale scale, String ledger, Supplier<Long> bytesOnDisk)
            throws Exception {
        Duration window = scale.resyncWindow();
        Map<String, String> row = new LinkedHashMap<>();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(ResyncApp.simulator(window));
                ChildJvm child = new ChildJvm(List.of("-XX:+ExitOnOutOfMemoryError"), LedgerResyncJob.class,
                        List.of(simulator.baseUrl(), Long.toString(window.toMillis()),
                                Integer.toString(scale.ledgerResyncLeads()), ledger))) {
            SimulatorStats stats = simulator.stats();
            long[] dayOne = new long[4];
            ChildJvm.Outcome outcome = child.await(LedgerResyncJob.RESULT_PREFIX, Duration.ofMinutes(30), line -> {
                if (line.equals(LedgerResyncJob.DAY_ONE_DONE)) {
                    dayOne[0] = stats.submissions();
                    dayOne[1] = stats.contactsSubmitted();
                    dayOne[2] = stats.creditsSpent();
                    dayOne[3] = bytesOnDisk.get();
                    child.tell(LedgerResyncJob.GO);
                }
            });
            if (!outcome.completed()) {
                row.put("outcome", outcome.failure());
                return row;
            }
            JsonNode figures = outcome.figures();
            List<CrmResync.Row> rows = CrmResync.dayTwo(scale.ledgerResyncLeads());
            long changedAndNew = rows.stream().filter(r -> r.kind() == CrmResync.Kind.CHANGED
                                                           || r.kind() == CrmResync.Kind.NEW)
                    .count();
            row.put("outcome", "completed");
            row.put("day 1 leads", Stats.integer(scale.ledgerResyncLeads()));
            row.put("day 1 requests", Stats.integer(dayOne[0]));
            row.put("day 1 last result s", Stats.decimal(figures.get("dayOneLastResultSeconds").asDouble()));
            row.put("day 1 CPU s (application)", Stats.decimal(figures.get("dayOneCpuSeconds").asDouble()));
            row.put("rows", Stats.integer(figures.get("rows").asLong()));
            row.put("changed + new", Stats.integer(changedAndNew));
            row.put("requests", Stats.integer(stats.submissions() - dayOne[0]));
            row.put("contacts sent", Stats.integer(stats.contactsSubmitted() - dayOne[1]));
            row.put("credits", Stats.integer(stats.creditsSpent() - dayOne[2]));
            row.put("reused", Stats.integer(figures.get("reused").asLong()));
            row.put("deduplicated", Stats.integer(figures.get("deduplicated").asLong()));
            row.put("answered", Stats.integer(figures.get("answered").asLong()));
            row.put("answered again", Stats.integer(figures.get("answeredAgain").asLong()));
            row.put("last result s", Stats.decimal(figures.get("lastResultSeconds").asDouble()));
            row.put("CPU s (application)", Stats.decimal(figures.get("cpuSeconds").asDouble()
                                                         - figures.get("dayOneCpuSeconds").asDouble()));
            row.put("429s", Stats.integer(stats.rateLimited429()));
            row.put("on disk after day 1 MB", megabytes(dayOne[3]));
            row.put("on disk after day 2 MB", megabytes(bytesOnDisk.get()));
            row.put("heap after full GC MB", megabytes(figures.get("heapAfterFullGcBytes").asLong()));
            return row;
        }
    }

    private static String megabytes(long bytes) {
        return Stats.decimal(bytes / 1024.0 / 1024.0);
    }

    /**
     * The share of the H2 file its live data fills (H2's {@code info.FILL_RATE}), read without writing to it: H2 writes
     * each commit's pages to new space and frees the old as it compacts.
     */
    private static String liveShare(Path database) {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database + ";ACCESS_MODE_DATA=r", "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                              + " WHERE SETTING_NAME = 'info.FILL_RATE'")) {
            return rs.next() ? rs.getString(1) + "%" : "unknown";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the H2 file " + database, e);
        }
    }

    /** The ledger's tables in {@code database}, with their indexes and TOAST. */
    private static long tablesOnDisk(EmbeddedPostgres postgres, String database) {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
                                              + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                              + " WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's size in PostgreSQL", e);
        }
    }

    private static long sizeOnDisk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
