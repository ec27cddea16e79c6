package com.deepenrich.camel.examples.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What neither Camel nor the component keeps, in the work dir (H2 MVStore, which survives a kill at any moment): each
 * row's result until the output is written in input order, and which blocks of rows were sent (so that a run knows it
 * resumes one). Which blocks DeepEnrich accepted, and which are in doubt, is the component's ledger's business.
 */
final class JobJournal implements Closeable {

    private final MVStore store;
    private final MVMap<String, String> settings;
    private final MVMap<Long, String[]> results;
    /** When each block of rows was last sent, by block. */
    private final MVMap<Long, Long> sent;
    /** Credits spent, by enrichment id: an enrichment's result is counted once, and tells it was answered. */
    private final MVMap<String, Long> credits;
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

    private JobJournal(MVStore store) {
        this.store = store;
        this.settings = store.openMap("settings");
        this.results = store.openMap("results");
        this.sent = store.openMap("sent");
        this.credits = store.openMap("credits");
        results.values().forEach(columns -> outcomes.merge(RowResult.ofColumns(columns).outcome(), 1L, Long::sum));
    }

    /** Opens the work dir's journal; refuses one left by a run on another input, since row ids are positions. */
    static JobJournal open(Path workDir, String inputFingerprint) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work dir " + workDir, e);
        }
        JobJournal journal =
                new JobJournal(new MVStore.Builder().fileName(workDir.resolve("job.mv").toString()).open());
        String recorded = journal.setting("input", () -> inputFingerprint);
        if (!recorded.equals(inputFingerprint)) {
            journal.close();
            throw new IllegalStateException("The work dir " + workDir + " holds a run on another input (" + recorded
                                            + "); finish that run, or delete the work dir, or set work-dir");
        }
        return journal;
    }

    /** A value kept for the whole job, made on first use (the input's fingerprint, the port sent batches carry). */
    String setting(String key, Supplier<String> initial) {
        String value = settings.computeIfAbsent(key, k -> initial.get());
        store.commit();
        return value;
    }

    boolean isFresh() {
        return results.isEmpty() && sent.isEmpty();
    }

    /** Records that a block of rows goes out now. */
    void sending(long block) {
        sent.put(block, System.currentTimeMillis());
        store.commit();
    }

    /** Records a row's result, durable at the next {@link #commit()}; a row keeps its first result. */
    void resolve(long row, RowResult result) {
        if (results.putIfAbsent(row, result.columns()) == null) {
            outcomes.merge(result.outcome(), 1L, Long::sum);
        }
    }

    void recordCredits(String enrichmentId, long spent) {
        credits.putIfAbsent(enrichmentId, spent);
    }

    void commit() {
        store.commit();
    }

    boolean hasResult(long row) {
        return results.containsKey(row);
    }

    RowResult result(long row) {
        String[] columns = results.get(row);
        return columns == null ? null : RowResult.ofColumns(columns);
    }

    long resolved() {
        return results.size();
    }

    long count(String outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    Map<String, Long> outcomes() {
        return new TreeMap<>(outcomes);
    }

    boolean answered(String enrichmentId) {
        return credits.containsKey(enrichmentId);
    }

    long creditsSpent() {
        return credits.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        store.close();
    }
}
