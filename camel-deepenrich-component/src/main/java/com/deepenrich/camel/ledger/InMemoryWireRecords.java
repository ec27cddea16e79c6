package com.deepenrich.camel.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire records in memory: those of the in-memory ledger, lost with the process (which then has none in doubt). */
public class InMemoryWireRecords implements WireRecords {

    private final Map<String, WireRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized void write(WireRecord record) {
        records.put(record.requestKey(), record);
        changed();
    }

    @Override
    public synchronized void remove(String requestKey) {
        if (records.remove(requestKey) != null) {
            changed();
        }
    }

    @Override
    public synchronized void accept(String requestKey, Runnable recordAccepted) {
        WireRecord taken = records.remove(requestKey);
        if (taken == null) {
            return;
        }
        try {
            recordAccepted.run();
        } catch (RuntimeException e) {
            records.put(requestKey, taken);
            throw e;
        }
        changed();
    }

    @Override
    public synchronized List<WireRecord> inDoubt() {
        return records.values().stream().sorted(Comparator.comparing(WireRecord::writtenAt)).toList();
    }

    @Override
    public synchronized int purge(Instant writtenBefore) {
        int before = records.size();
        records.values().removeIf(r -> r.writtenAt().isBefore(writtenBefore));
        int purged = before - records.size();
        if (purged > 0) {
            changed();
        }
        return purged;
    }

    /** The records as they are now, for a subclass that persists them; called holding this object's lock. */
    protected Map<String, WireRecord> records() {
        return records;
    }

    /** Called, holding this object's lock, after each change: a subclass persists the records here. */
    protected void changed() {
    }
}
