package com.deepenrich.camel.ledger;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a {@link JdbcDeepEnrichLedger}, named by its table prefix (which may start with a schema): each
 * table's name, columns and indexes. The DDL is in {@link JdbcDeepEnrichLedger}'s Javadoc.
 */
final class JdbcTables {

    static final String DEFAULT_PREFIX = "deepenrich_";

    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,29}";
    private static final Pattern PREFIX = Pattern.compile("(?:(" + NAME + ")\\.)?(" + NAME + ")?");
    private static final String TIME = "TIMESTAMP WITH TIME ZONE";

    /** A table: its name after the prefix, its columns, and its indexes (name after the prefix, columns). */
    record Table(String name, List<String> columns, Map<String, String> indexes) {
    }

    static final Table LEDGER = new Table("ledger", List.of(
            "enrichment_id VARCHAR(100) NOT NULL PRIMARY KEY",
            "name VARCHAR(1000)",
            "submitted_at " + TIME + " NOT NULL",
            "contact_count INTEGER NOT NULL",
            "claimed_by VARCHAR(200)",
            "claim_expires_at " + TIME),
            Map.of());

    static final Table SUBMISSIONS = new Table("submissions", List.of(
            "fingerprint VARCHAR(64) NOT NULL PRIMARY KEY",
            "enrichment_id VARCHAR(100) NOT NULL",
            "accepted_at " + TIME + " NOT NULL"),
            Map.of("submissions_enrichment_idx", "enrichment_id", "submissions_accepted_idx", "accepted_at"));

    static final Table WIRE = new Table("wire_records", List.of(
            "request_key VARCHAR(100) NOT NULL PRIMARY KEY",
            "name VARCHAR(1000)",
            "fingerprint VARCHAR(64) NOT NULL",
            "fingerprint_window BIGINT NOT NULL",
            "written_at " + TIME + " NOT NULL",
            "contact_count INTEGER NOT NULL",
            "contacts_digest VARCHAR(64) NOT NULL",
            "incarnation VARCHAR(36) NOT NULL",
            "in_doubt BOOLEAN NOT NULL"),
            Map.of("wire_records_written_idx", "written_at", "wire_records_digest_idx", "contacts_digest"));

    static final Table CREDITS = new Table("credits", List.of(
            "account VARCHAR(64) NOT NULL",
            "period VARCHAR(10) NOT NULL",
            "period_end " + TIME,
            "reserved BIGINT NOT NULL",
            "spent BIGINT NOT NULL",
            "PRIMARY KEY (account, period)"),
            Map.of());

    static final Table RESERVATIONS = new Table("credit_reservations", List.of(
            "reservation_id VARCHAR(36) NOT NULL PRIMARY KEY",
            "account VARCHAR(64) NOT NULL",
            "period VARCHAR(10) NOT NULL",
            "credits BIGINT NOT NULL",
            "request_name VARCHAR(1000)",
            "reserved_at " + TIME + " NOT NULL"),
            Map.of("credit_reservations_time_idx", "reserved_at"));

    static final Table HOLDS = new Table("holds", List.of(
            "person VARCHAR(1000) NOT NULL PRIMARY KEY",
            "holder VARCHAR(100) NOT NULL",
            "request_key VARCHAR(100)",
            "request_index INTEGER NOT NULL",
            "custom TEXT",
            "keep_millis BIGINT NOT NULL",
            "expires_at " + TIME + " NOT NULL",
            "closed BOOLEAN NOT NULL"),
            Map.of("holds_request_idx", "request_key", "holds_holder_idx", "holder", "holds_expiry_idx",
                    "expires_at"));

    static final Table WAITING = new Table("waiting_contacts", List.of(
            "waiting_id VARCHAR(200) NOT NULL PRIMARY KEY",
            "person VARCHAR(1000) NOT NULL",
            "custom TEXT NOT NULL",
            "since " + TIME + " NOT NULL"),
            Map.of("waiting_contacts_person_idx", "person"));

    static final Table RESULTS = new Table("stored_results", List.of(
            "person VARCHAR(1000) NOT NULL PRIMARY KEY",
            "enrich_fields VARCHAR(1000) NOT NULL",
            "contact TEXT NOT NULL",
            "found_at " + TIME + " NOT NULL",
            "expires_at " + TIME + " NOT NULL"),
            Map.of("stored_results_expiry_idx", "expires_at"));

    static final List<Table> ALL = List.of(LEDGER, SUBMISSIONS, WIRE, CREDITS, RESERVATIONS, HOLDS, WAITING, RESULTS);

    private final String schema;
    private final String prefix;

    final String ledger;
    final String submissions;
    final String wire;
    final String credits;
    final String reservations;
    final String holds;
    final String waiting;
    final String results;

    private JdbcTables(String schema, String prefix) {
        this.schema = schema;
        this.prefix = prefix;
        ledger = name(LEDGER);
        submissions = name(SUBMISSIONS);
        wire = name(WIRE);
        credits = name(CREDITS);
        reservations = name(RESERVATIONS);
        holds = name(HOLDS);
        waiting = name(WAITING);
        results = name(RESULTS);
    }

    /**
     * The tables of prefix {@code tablePrefix}: letters, digits and underscores, optionally after a schema name and a
     * dot ({@code crm.deepenrich_}).
     */
    static JdbcTables of(String tablePrefix) {
        Matcher m = PREFIX.matcher(tablePrefix == null ? "" : tablePrefix);
        if (tablePrefix == null || !m.matches()) {
            throw new IllegalArgumentException("DeepEnrich ledger option tablePrefix: '" + tablePrefix + "' is not a "
                                               + "table name prefix. Use letters, digits and underscores (at most 30, "
                                               + "not starting with a digit), optionally after a schema name and a "
                                               + "dot: deepenrich_, crm.deepenrich_");
        }
        return new JdbcTables(m.group(1) == null ? "" : m.group(1) + ".", m.group(2) == null ? "" : m.group(2));
    }

    /** The prefix these names were made with. */
    String prefix() {
        return schema + prefix;
    }

    String name(Table table) {
        return schema + prefix + table.name();
    }

    String create(Table table) {
        return "CREATE TABLE " + name(table) + " (" + String.join(", ", table.columns()) + ")";
    }

    /** The table's indexes; an index is named without the schema: it lives in its table's. */
    List<String> createIndexes(Table table) {
        return table.indexes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(index -> "CREATE INDEX IF NOT EXISTS " + prefix + index.getKey() + " ON " + name(table) + " ("
                              + index.getValue() + ")")
                .toList();
    }
}
