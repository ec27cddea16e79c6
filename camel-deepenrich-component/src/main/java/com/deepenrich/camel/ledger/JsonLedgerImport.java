package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.RequestNames;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON files an earlier file ledger wrote ({@code <ledger>.json} and, beside it, {@code .wire.json},
 * {@code .credits.json}, {@code .people.json}), imported into the database of a {@link FileDeepEnrichLedger}: the
 * pending enrichments, the accepted requests' fingerprints, the requests in doubt, the credits counts and
 * reservations, and the stored results. Holds and waiting contacts are not (they were keyed by enrichment id; the
 * people they held are sent again). Every row is inserted only when absent, so an import run again after a crash
 * changes nothing; each file is then renamed {@code <file>.imported}, so it is not read twice.
 */
final class JsonLedgerImport {

    /** Nothing to import. */
    static final JsonLedgerImport NONE = new JsonLedgerImport(Map.of());

    private static final String IMPORTED = ".imported";

    /** Each file found, read, by its path. */
    private final Map<Path, JsonNode> files;

    private JsonLedgerImport(Map<Path, JsonNode> files) {
        this.files = files;
    }

    /**
     * Reads the JSON ledger at {@code ledgerFile} and the files beside it; empty when there is none. A file that is no
     * ledger fails here, before anything is written.
     */
    static JsonLedgerImport read(Path ledgerFile) {
        if (!Files.isRegularFile(ledgerFile)) {
            return NONE;
        }
        JsonNode root = parse(ledgerFile);
        if (!(root.isArray() || root.path("pending").isArray())) {
            throw new UncheckedIOException(new IOException(ledgerFile + " is not a DeepEnrich ledger (a JSON object "
                                                           + "with an array 'pending')"));
        }
        Map<Path, JsonNode> found = new LinkedHashMap<>();
        found.put(ledgerFile, root);
        for (String beside : List.of(".wire.json", ".credits.json", ".people.json")) {
            Path file = ledgerFile.resolveSibling(ledgerFile.getFileName() + beside);
            if (Files.isRegularFile(file)) {
                found.put(file, parse(file));
            }
        }
        return new JsonLedgerImport(found);
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = DeepEnrichJson.mapper().readTree(file.toFile());
            if (root == null || !root.isContainerNode()) {
                throw new IOException(file + " is not a DeepEnrich ledger file (no JSON object)");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DeepEnrich ledger file " + file, e);
        }
    }

    /** Writes what the files hold into {@code ledger}'s tables, in one transaction, then renames the files. */
    void into(JdbcDeepEnrichLedger ledger) {
        if (files.isEmpty()) {
            return;
        }
        ledger.transaction("ledger", "import " + String.join(", ", files.keySet().stream().map(Path::toString)
                .toList()), c -> {
                    JdbcTables t = ledger.tables();
                    for (Map.Entry<Path, JsonNode> file : files.entrySet()) {
                        String name = file.getKey().getFileName().toString();
                        JsonNode root = file.getValue();
                        if (name.endsWith(".wire.json")) {
                            wire(c, t, root);
                        } else if (name.endsWith(".credits.json")) {
                            credits(c, t, root);
                        } else if (name.endsWith(".people.json")) {
                            results(c, t, root);
                        } else {
                            ledger(c, t, root);
                        }
                    }
                    return null;
                });
        for (Path file : files.keySet()) {
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + IMPORTED),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("Imported the DeepEnrich ledger file " + file + " but cannot rename "
                                               + "it: rename it yourself, or it is read again",
                        e);
            }
        }
    }

    private static void ledger(Connection c, JdbcTables t, JsonNode root) throws SQLException {
        for (JsonNode p : root.isArray() ? root : root.path("pending")) {
            insertIfAbsent(c, t.ledger, "enrichment_id", "enrichment_id, name, submitted_at, contact_count",
                    text(p, "enrichment_id"), JdbcDeepEnrichLedger.storable(text(p, "name")),
                    instant(p, "submitted_at"), p.path("contact_count").asInt());
        }
        for (JsonNode s : root.path("submissions")) {
            insertIfAbsent(c, t.submissions, "fingerprint", "fingerprint, enrichment_id, accepted_at",
                    text(s, "fingerprint"), text(s, "enrichment_id"), instant(s, "accepted_at"));
        }
    }

    /** Requests written by a process that is gone: in doubt. */
    private static void wire(Connection c, JdbcTables t, JsonNode root) throws SQLException {
        for (JsonNode r : root.path("in_doubt")) {
            String name = text(r, "request_key");
            insertIfAbsent(c, t.wire, "request_key", "request_key, name, fingerprint, fingerprint_window, written_at, "
                                                     + "contact_count, contacts_digest, incarnation, in_doubt",
                    keyOf(name, name), JdbcDeepEnrichLedger.storable(name), text(r, "fingerprint"),
                    r.path("fingerprint_window_ms").asLong(), instant(r, "written_at"),
                    r.path("contact_count").asInt(), text(r, "contacts_digest"), "imported", true);
        }
    }

    private static void credits(Connection c, JdbcTables t, JsonNode root) throws SQLException {
        for (JsonNode n : root.path("counts")) {
            if (JdbcStatements.select(c, "SELECT 1 FROM " + t.credits + " WHERE account = ? AND period = ?",
                    rs -> 1, text(n, "account"), text(n, "period")).isEmpty()) {
                JdbcStatements.update(c, "INSERT INTO " + t.credits + " (account, period, period_end, reserved, "
                                         + "spent) VALUES (?, ?, ?, ?, ?)",
                        text(n, "account"), text(n, "period"), instant(n, "period_end"), n.path("reserved").asLong(),
                        n.path("spent").asLong());
            }
        }
        for (JsonNode r : root.path("reservations")) {
            insertIfAbsent(c, t.reservations, "reservation_id",
                    "reservation_id, account, period, credits, request_name, reserved_at",
                    keyOf(text(r, "request_name"), text(r, "reservation_id")), text(r, "account"), text(r, "period"),
                    r.path("credits").asLong(), JdbcDeepEnrichLedger.storable(text(r, "request_name")),
                    instant(r, "reserved_at"));
        }
    }

    /** The stored results that had found their contact. */
    private static void results(Connection c, JdbcTables t, JsonNode root) throws SQLException {
        for (JsonNode r : root.path("results")) {
            if (r.hasNonNull("contact") && r.hasNonNull("found_at")) {
                List<String> fields = new ArrayList<>();
                r.path("enrich_fields").forEach(f -> fields.add(f.asText()));
                insertIfAbsent(c, t.results, "person", "person, enrich_fields, contact, found_at, expires_at",
                        text(r, "person"), String.join(",", fields), text(r, "contact"), instant(r, "found_at"),
                        instant(r, "expires_at"));
            }
        }
    }

    /** Inserts a row whose first value is its key {@code keyColumn}, unless the table has it. */
    private static void insertIfAbsent(Connection c, String table, String keyColumn, String columns,
                                       Object... values)
            throws SQLException {
        if (JdbcStatements.select(c, "SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ?", rs -> 1, values[0])
                .isEmpty()) {
            JdbcStatements.update(c, "INSERT INTO " + table + " (" + columns + ") VALUES ("
                                     + String.join(", ", Collections.nCopies(values.length, "?")) + ")",
                    values);
        }
    }

    private static String keyOf(String requestName, String otherwise) {
        String key = RequestNames.keyOf(requestName);
        return key == null ? otherwise : key;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
