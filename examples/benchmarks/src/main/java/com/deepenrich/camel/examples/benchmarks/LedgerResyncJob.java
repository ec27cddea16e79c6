package com.deepenrich.camel.examples.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * B7's child JVM, the application alone (the simulator runs in the parent): both days of a CRM re-sync
 * ({@link ResyncApp}, {@code reuseResultsWithin=1d}) on a persistent ledger. After day 1 it prints
 * {@value #DAY_ONE_DONE} and waits for the parent's {@value #GO} (the parent reads the simulator's day-1 counts in
 * between); after day 2, one line {@code B7 {json figures}}.
 */
public final class LedgerResyncJob {

    static final String RESULT_PREFIX = "B7 ";
    static final String DAY_ONE_DONE = "day 1 answered";
    static final String GO = "go";
    static final String FILE = "file:";
    static final String POSTGRESQL = "postgresql:";
    static final String REUSE_ONE_DAY = "reuseResultsWithin=" + Duration.ofDays(1).toMillis();

    private LedgerResyncJob() {
    }

    /**
     * Arguments: the simulator's base URL, its window in milliseconds, the leads of day 1, and the ledger:
     * {@code file:<path>} (a {@link FileDeepEnrichLedger}) or {@code postgresql:<JDBC URL>} (a
     * {@link JdbcDeepEnrichLedger} on a pool of connections, as an application has).
     */
    public static void main(String[] args) throws Exception {
        BlockingQueue<String> parent = ChildMain.parentLines();
        Duration window = Duration.ofMillis(Long.parseLong(args[1]));
        int leads = Integer.parseInt(args[2]);
        HikariDataSource pool = args[3].startsWith(POSTGRESQL) ? pool(args[3].substring(POSTGRESQL.length())) : null;
        JdbcDeepEnrichLedger ledger = pool != null
                ? new JdbcDeepEnrichLedger(pool) : new FileDeepEnrichLedger(Path.of(args[3].substring(FILE.length())));
        Map<String, Object> figures = new LinkedHashMap<>();
        try (ResyncApp app = new ResyncApp(args[0], window, REUSE_ONE_DAY, ledger)) {
            figures.put("dayOneLastResultSeconds", app.send(CrmResync.dayOne(leads)).lastAnswerSeconds());
            figures.put("dayOneCpuSeconds", cpuSeconds());
            app.forgetAnswers();
            System.out.println(DAY_ONE_DONE);
            if (!GO.equals(parent.poll(1, TimeUnit.MINUTES))) {
                throw new IllegalStateException("the parent did not say " + GO + " within a minute");
            }
            dayTwo(app, leads, figures);
            figures.put("cpuSeconds", cpuSeconds());
            app.forgetAnswers();
            System.gc();
            figures.put("heapAfterFullGcBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        } finally {
            ledger.close();
            if (pool != null) {
                pool.close();
            }
        }
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(figures));
    }

    /** Day 2's figures; its rows and answers are garbage once this returns. */
    private static void dayTwo(ResyncApp app, int leads, Map<String, Object> figures) throws InterruptedException {
        List<CrmResync.Row> rows = CrmResync.dayTwo(leads);
        ResyncApp.Answers answers = app.send(rows);
        figures.put("rows", rows.size());
        figures.put("answered", answers.answeredAt.size());
        figures.put("answeredAgain", answers.answeredAgain.sum());
        figures.put("reused", answers.reused.sum());
        figures.put("deduplicated", answers.deduplicatedLeads.size());
        figures.put("lastResultSeconds", answers.lastAnswerSeconds());
    }

    /** The CPU this JVM used so far. */
    private static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static HikariDataSource pool(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("ledger");
        return new HikariDataSource(config);
    }
}
