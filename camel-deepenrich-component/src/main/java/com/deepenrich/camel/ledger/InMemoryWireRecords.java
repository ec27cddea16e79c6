package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wire records in memory: those of the in-memory ledger, lost with the process. Every record is this instance's, so
 * a request is in doubt only when marked so.
 */
public class InMemoryWireRecords implements WireRecords {

    private final Map<String, WireRecord> records = new LinkedHashMap<>();
    private final Set<String> inDoubt = new HashSet<>();

    @Override
    public synchronized void write(WireRecord record) {
        records.put(record.requestKey(), record);
        inDoubt.remove(record.requestKey());
    }

    @Override
    public synchronized void remove(String requestKey) {
        records.remove(requestKey);
        inDoubt.remove(requestKey);
    }

    @Override
    public synchronized void accept(String requestKey, Runnable recordAccepted) {
        if (!records.containsKey(requestKey)) {
            return;
        }
        recordAccepted.run();
        records.remove(requestKey);
        inDoubt.remove(requestKey);
    }

    @Override
    public synchronized void markInDoubt(String requestKey) {
        if (records.containsKey(requestKey)) {
            inDoubt.add(requestKey);
        }
    }

    @Override
    public synchronized List<WireRecord> records() {
        return records.values().stream().sorted(Comparator.comparing(WireRecord::writtenAt)).toList();
    }

    @Override
    public synchronized List<WireRecord> inDoubt() {
        return records.values().stream().filter(r -> inDoubt.contains(r.requestKey()))
                .sorted(Comparator.comparing(WireRecord::writtenAt)).toList();
    }

    @Override
    public synchronized int purge(Instant writtenBefore) {
        int before = records.size();
        records.values().removeIf(r -> r.writtenAt().isBefore(writtenBefore));
        inDoubt.retainAll(records.keySet());
        return before - records.size();
    }
}
