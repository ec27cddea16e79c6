package com.deepenrich.camel.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The wire records of a {@link JdbcDeepEnrichLedger}, in the table {@code <prefix>wire_records} of its database
 * (DDL in the ledger's Javadoc), shared by every instance: any of them matches a result to a request another wrote.
 * Each record carries the incarnation of the store that wrote it (random, one per ledger object): a record of another
 * incarnation (a crashed process, a previous run, another node) is in doubt, as is one marked so. An accepted
 * request's pending record, its fingerprint and the removal of its wire record are one transaction.
 * {@code fingerprint_window} is in milliseconds.
 */
final class JdbcWireRecords implements WireRecords {

    private static final String STORE = "wire records";
    private static final String COLUMNS = "request_key, name, fingerprint, fingerprint_window, written_at, "
                                          + "contact_count, contacts_digest";

    private final JdbcDeepEnrichLedger ledger;
    private final String incarnation = UUID.randomUUID().toString();

    JdbcWireRecords(JdbcDeepEnrichLedger ledger) {
        this.ledger = ledger;
    }

    private String table() {
        return ledger.tables().wire;
    }

    /** A retry writes its request again: the record is replaced, on the wire (not in doubt) for this instance. */
    @Override
    public void write(WireRecord r) {
        ledger.transaction(STORE, "record request " + r.requestKey() + " on the wire", c -> {
            JdbcStatements.update(c, "DELETE FROM " + table() + " WHERE request_key = ?", r.requestKey());
            return JdbcStatements.update(c, "INSERT INTO " + table() + " (" + COLUMNS + ", incarnation, in_doubt) "
                                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                    r.requestKey(), JdbcDeepEnrichLedger.storable(r.name()), r.fingerprint(),
                    r.fingerprintWindow().toMillis(), r.writtenAt(), r.contactCount(), r.contactsDigest(),
                    incarnation);
        });
    }

    @Override
    public void remove(String requestKey) {
        delete(requestKey);
    }

    @Override
    public void accept(String requestKey, Runnable recordAccepted) {
        ledger.inOneTransaction("record request " + requestKey + " as accepted", () -> {
            if (delete(requestKey) == 1) { // else its result took it first
                recordAccepted.run();
            }
        });
    }

    @Override
    public void markInDoubt(String requestKey) {
        ledger.transaction(STORE, "mark request " + requestKey + " in doubt", c -> JdbcStatements.update(c,
                "UPDATE " + table() + " SET in_doubt = TRUE WHERE request_key = ?", requestKey));
    }

    @Override
    public List<WireRecord> records() {
        return select("list requests on the wire", "", List.of());
    }

    @Override
    public List<WireRecord> inDoubt() {
        return select("list requests in doubt", "WHERE in_doubt = TRUE OR incarnation <> ?", List.of(incarnation));
    }

    @Override
    public Optional<WireRecord> match(String requestKey, String contactsDigest) {
        Optional<WireRecord> byKey = requestKey == null
                ? Optional.empty()
                : select("find request " + requestKey, "WHERE request_key = ?", List.of(requestKey)).stream()
                        .findFirst();
        return byKey.or(() -> select("find a request by its contacts", "WHERE contacts_digest = ?",
                List.of(contactsDigest)).stream().findFirst());
    }

    @Override
    public int purge(Instant writtenBefore) {
        return ledger.transaction(STORE, "purge requests on the wire", c -> JdbcStatements.update(c,
                "DELETE FROM " + table() + " WHERE written_at < ?", writtenBefore));
    }

    private int delete(String requestKey) {
        return ledger.transaction(STORE, "forget request " + requestKey + " on the wire", c -> JdbcStatements
                .update(c, "DELETE FROM " + table() + " WHERE request_key = ?", requestKey));
    }

    /** The records {@code condition} selects, oldest first. */
    private List<WireRecord> select(String what, String condition, List<Object> params) {
        return ledger.transaction(STORE, what, c -> JdbcStatements.select(c,
                "SELECT " + COLUMNS + " FROM " + table() + " " + condition + " ORDER BY written_at, request_key",
                JdbcWireRecords::record, params.toArray()));
    }

    private static WireRecord record(ResultSet rs) throws SQLException {
        return new WireRecord(rs.getString(1), rs.getString(2), rs.getString(3), Duration.ofMillis(rs.getLong(4)),
                JdbcStatements.instant(rs, 5), rs.getInt(6), rs.getString(7));
    }
}
