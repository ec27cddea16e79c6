package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The wire records of a {@link JdbcDeepEnrichLedger}, in its database (the same DataSource), shared by every
 * instance: any of them matches a result to a request another wrote. An accepted request's pending record, its
 * fingerprint and the removal of its wire record are one transaction. The table is created on start when absent;
 * to create it yourself (PostgreSQL):
 *
 * <pre>
 * CREATE TABLE deepenrich_wire (
 *     request_key          VARCHAR(1000) NOT NULL PRIMARY KEY,
 *     fingerprint          VARCHAR(64) NOT NULL,
 *     fingerprint_window   BIGINT NOT NULL,
 *     written_at           TIMESTAMP WITH TIME ZONE NOT NULL,
 *     contact_count        INTEGER NOT NULL,
 *     contacts_digest      VARCHAR(64) NOT NULL
 * );
 * </pre>
 *
 * {@code fingerprint_window} is in milliseconds.
 */
final class JdbcWireRecords implements WireRecords {

    static final String CREATE_TABLE = "CREATE TABLE deepenrich_wire ("
                                       + "request_key VARCHAR(1000) NOT NULL PRIMARY KEY, "
                                       + "fingerprint VARCHAR(64) NOT NULL, "
                                       + "fingerprint_window BIGINT NOT NULL, "
                                       + "written_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                                       + "contact_count INTEGER NOT NULL, "
                                       + "contacts_digest VARCHAR(64) NOT NULL)";

    private final JdbcDeepEnrichLedger ledger;

    JdbcWireRecords(JdbcDeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void write(WireRecord r) {
        String key = JdbcDeepEnrichLedger.storable(r.requestKey());
        ledger.inOneTransaction("record request " + key + " on the wire", () -> {
            delete(key);
            ledger.update("record request " + key + " on the wire",
                    "INSERT INTO deepenrich_wire (request_key, fingerprint, fingerprint_window, written_at, "
                                                                    + "contact_count, contacts_digest) VALUES (?, ?, ?, ?, ?, ?)",
                    key, r.fingerprint(), r.fingerprintWindow().toMillis(), r.writtenAt(), r.contactCount(),
                    r.contactsDigest());
        });
    }

    @Override
    public void remove(String requestKey) {
        delete(JdbcDeepEnrichLedger.storable(requestKey));
    }

    @Override
    public void accept(String requestKey, Runnable recordAccepted) {
        ledger.inOneTransaction("record request " + requestKey + " as accepted", () -> {
            if (delete(JdbcDeepEnrichLedger.storable(requestKey)) == 1) { // else its result took it first
                recordAccepted.run();
            }
        });
    }

    @Override
    public List<WireRecord> inDoubt() {
        return ledger.select("list requests in doubt", "SELECT request_key, fingerprint, fingerprint_window, "
                                                       + "written_at, contact_count, contacts_digest FROM deepenrich_wire ORDER BY written_at",
                rs -> new WireRecord(rs.getString(1), rs.getString(2), Duration.ofMillis(rs.getLong(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5), rs.getString(6)));
    }

    @Override
    public int purge(Instant writtenBefore) {
        return ledger.update("purge requests in doubt", "DELETE FROM deepenrich_wire WHERE written_at < ?",
                writtenBefore);
    }

    private int delete(String key) {
        return ledger.update("forget request " + key + " on the wire",
                "DELETE FROM deepenrich_wire WHERE request_key = ?",
                key);
    }
}
