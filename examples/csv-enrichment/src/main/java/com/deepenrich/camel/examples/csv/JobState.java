package com.deepenrich.camel.examples.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * What the job has done, in a file (H2 MVStore) under the work dir so that a killed run resumes: which rows went
 * into which batch, which batches DeepEnrich accepted (and under which enrichment id), and each row's result.
 * A row is submitted at most once: it is read again only when it has no result and belongs to no batch.
 */
public final class JobState implements AutoCloseable {

    private static final String INPUT = "input";
    private static final String NEXT_BATCH = "nextBatch";

    private final MVStore store;
    private final MVMap<String, String> meta;
    private final MVMap<String, long[]> batchRows;
    private final MVMap<String, String> batchEnrichment;
    private final MVMap<Long, String> rowBatch;
    private final MVMap<Long, String[]> results;
    private final MVMap<String, Long> credits;
    /** Batches sent whose answer was lost, with the time (epoch ms) until which they wait for their results. */
    private final MVMap<String, Long> inDoubt;

    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong creditsSpent = new AtomicLong();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder resolved = new LongAdder();

    private JobState(MVStore store) {
        this.store = store;
        this.meta = store.openMap("meta");
        this.batchRows = store.openMap("batchRows");
        this.batchEnrichment = store.openMap("batchEnrichment");
        this.rowBatch = store.openMap("rowBatch");
        this.results = store.openMap("results");
        this.credits = store.openMap("credits");
        this.inDoubt = store.openMap("inDoubt");
        batchEnrichment.keySet().forEach(batch -> submitted.addAndGet(batchRows.get(batch).length));
        credits.values().forEach(creditsSpent::addAndGet);
        results.values().forEach(r -> countOutcome(RowResult.ofColumns(r).outcome()));
    }

    /**
     * Opens the state in {@code workDir}, creating it for a first run. Refuses a work dir left by a run on another
     * input, since row ids are positions in the input.
     */
    public static JobState open(Path workDir, String inputFingerprint) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the work dir " + workDir, e);
        }
        MVStore store = new MVStore.Builder().fileName(workDir.resolve("job-state.mv").toString()).open();
        JobState state = new JobState(store);
        String recorded = state.meta.putIfAbsent(INPUT, inputFingerprint);
        if (recorded != null && !recorded.equals(inputFingerprint)) {
            store.close();
            throw new IllegalStateException("The work dir " + workDir + " holds a run on another input (" + recorded
                                            + "); finish that run, or delete the work dir, or pass --work-dir");
        }
        store.commit();
        return state;
    }

    /**
     * A value kept for the whole job, created on first use: the callback token and port, which the webhooks of
     * batches sent by a killed run still carry.
     */
    public String jobSetting(String key, Supplier<String> initial) {
        String value = meta.computeIfAbsent(key, k -> initial.get());
        store.commit();
        return value;
    }

    /** True when nothing was done yet: no batch, no result. */
    public boolean isFresh() {
        return batchRows.isEmpty() && results.isEmpty();
    }

    /** A row is read for submission when it has no result and is in no batch. */
    public boolean needsSubmission(long rowId) {
        return !results.containsKey(rowId) && !rowBatch.containsKey(rowId);
    }

    /**
     * Records, before sending, that these rows go out as a new batch; returns its name, which is also the request
     * name DeepEnrich gets, so that a crash between sending and {@link #batchAccepted} is resolved by the ledger.
     */
    public synchronized String beginBatch(String prefix, List<Long> rowIds) {
        long number = Long.parseLong(meta.getOrDefault(NEXT_BATCH, "1"));
        meta.put(NEXT_BATCH, Long.toString(number + 1));
        String name = prefix + " batch " + number + " (rows " + rowIds.get(0) + "-" + rowIds.get(rowIds.size() - 1)
                      + ")";
        batchRows.put(name, toArray(rowIds));
        rowIds.forEach(row -> rowBatch.put(row, name));
        store.commit();
        return name;
    }

    /** DeepEnrich accepted the batch: these rows were sent (the others were refused and have a result). */
    public void batchAccepted(String batch, String enrichmentId, List<Long> sentRowIds) {
        batchRows.put(batch, toArray(sentRowIds));
        if (batchEnrichment.put(batch, enrichmentId) == null) {
            submitted.addAndGet(sentRowIds.size());
        }
        store.commit();
    }

    /**
     * Settles the batches a killed run left between recording and acceptance: one the ledger knows was accepted;
     * one it does not know may have been accepted all the same (the run died while DeepEnrich was answering), so it
     * waits in doubt until {@code doubtDeadline} for its results before its rows are read again. Returns how many
     * batches were put in doubt.
     */
    public int settleInterruptedBatches(DeepEnrichLedger ledger, long doubtDeadline) {
        Map<String, String> accepted = ledger.pending().stream()
                .collect(Collectors.toMap(PendingEnrichment::name, PendingEnrichment::enrichmentId, (a, b) -> a));
        List<String> interrupted = batchRows.keySet().stream()
                .filter(b -> !batchEnrichment.containsKey(b) && !inDoubt.containsKey(b)).toList();
        int doubtful = 0;
        for (String batch : interrupted) {
            String enrichmentId = accepted.get(batch);
            if (enrichmentId != null) {
                batchAccepted(batch, enrichmentId, unresolved(batchRows.get(batch)));
            } else {
                inDoubt.put(batch, doubtDeadline);
                doubtful++;
            }
        }
        store.commit();
        return doubtful;
    }

    /** The batch was sent but its answer was lost: its rows wait for their results until {@code deadline}. */
    public void batchInDoubt(String batch, long deadline) {
        inDoubt.put(batch, deadline);
        store.commit();
    }

    /**
     * Batches in doubt whose wait is over: their rows still without a result were never accepted (no webhook brought
     * them), so the batch is forgotten and they are read again. Returns how many rows that frees.
     */
    public int releaseExpiredDoubts(long nowMillis) {
        int freed = 0;
        for (Map.Entry<String, Long> doubt : new ArrayList<>(inDoubt.entrySet())) {
            if (doubt.getValue() <= nowMillis) {
                freed += unresolved(batchRows.get(doubt.getKey())).size();
                forget(doubt.getKey());
            }
        }
        store.commit();
        return freed;
    }

    public int batchesInDoubt() {
        return inDoubt.size();
    }

    /**
     * Accepted batches with rows still waiting whose enrichment the ledger no longer holds (DeepEnrich answered
     * 404 for it): forgets them so that their rows are read and sent again. Returns how many rows that frees.
     */
    public int releaseLostBatches(DeepEnrichLedger ledger) {
        Set<String> pending = ledger.pending().stream().map(PendingEnrichment::enrichmentId)
                .collect(Collectors.toSet());
        int freed = 0;
        for (Map.Entry<String, String> batch : new ArrayList<>(batchEnrichment.entrySet())) {
            List<Long> waiting = unresolved(batchRows.get(batch.getKey()));
            if (!waiting.isEmpty() && !pending.contains(batch.getValue())) {
                forget(batch.getKey());
                freed += waiting.size();
            }
        }
        store.commit();
        return freed;
    }

    /** The batch was not accepted and its rows have their results (refused, out of credits): drop it. */
    public void abandonBatch(String batch) {
        forget(batch);
        store.commit();
    }

    private void forget(String batch) {
        for (long row : batchRows.get(batch)) {
            rowBatch.remove(row, batch);
        }
        batchRows.remove(batch);
        batchEnrichment.remove(batch);
        inDoubt.remove(batch);
    }

    /** Rows of the accepted batch of {@code enrichmentId} that have no result yet. */
    public List<Long> unresolvedRowsOf(String enrichmentId) {
        return batchEnrichment.entrySet().stream().filter(e -> e.getValue().equals(enrichmentId)).findFirst()
                .map(e -> unresolved(batchRows.get(e.getKey()))).orElse(List.of());
    }

    private List<Long> unresolved(long[] rows) {
        List<Long> out = new ArrayList<>();
        for (long row : rows) {
            if (!results.containsKey(row)) {
                out.add(row);
            }
        }
        return out;
    }

    /** Records a row's result; a row keeps its first result (a webhook delivered twice changes nothing). */
    public void resolve(long rowId, RowResult result) {
        if (results.putIfAbsent(rowId, result.columns()) == null) {
            countOutcome(result.outcome());
        }
    }

    public void recordCredits(String enrichmentId, long spent) {
        if (credits.putIfAbsent(enrichmentId, spent) == null) {
            creditsSpent.addAndGet(spent);
        }
    }

    /** Makes every change so far survive a kill. */
    public void commit() {
        store.commit();
    }

    public RowResult result(long rowId) {
        String[] columns = results.get(rowId);
        return columns == null ? null : RowResult.ofColumns(columns);
    }

    private void countOutcome(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        resolved.increment();
    }

    /** Contacts DeepEnrich accepted, over all runs on this work dir (a contact sent again counts again). */
    public long submitted() {
        return submitted.get();
    }

    /** Rows with a result (enriched or refused). */
    public long resolved() {
        return resolved.sum();
    }

    public long count(String outcome) {
        LongAdder adder = outcomes.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    /** Result count per outcome, by name. */
    public Map<String, Long> outcomes() {
        Map<String, Long> out = new TreeMap<>();
        outcomes.forEach((outcome, count) -> out.put(outcome, count.sum()));
        return out;
    }

    public long creditsSpent() {
        return creditsSpent.get();
    }

    private static long[] toArray(Collection<Long> rows) {
        return rows.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void close() {
        store.close();
    }
}
