package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire records of a {@link FileDeepEnrichLedger}, in their own JSON file beside the ledger's
 * ({@code <ledger file>.wire.json}), rewritten atomically on every change. An accepted request is written to the
 * ledger's file first, then removed here: a crash between the two leaves a record whose request the ledger holds as
 * pending, which is dropped when the file is read.
 */
final class FileWireRecords extends InMemoryWireRecords {

    private final Path file;

    /** {@code pendingNames}: the names of the ledger's pending enrichments, whose records are obsolete. */
    FileWireRecords(Path ledgerFile, Set<String> pendingNames) {
        this.file = ledgerFile.resolveSibling(ledgerFile.getFileName() + ".wire.json");
        try {
            if (Files.exists(file)) {
                load(pendingNames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DeepEnrich wire records " + file, e);
        }
    }

    Path file() {
        return file;
    }

    private void load(Set<String> pendingNames) throws IOException {
        JsonNode root = DeepEnrichJson.mapper().readTree(file.toFile());
        if (root == null || !root.path("in_doubt").isArray()) {
            throw new IOException(file + " holds no DeepEnrich wire records (a JSON object with an array 'in_doubt')");
        }
        for (JsonNode r : root.path("in_doubt")) {
            WireRecord record = new WireRecord(r.path("request_key").asText(), r.path("fingerprint").asText(),
                    Duration.ofMillis(r.path("fingerprint_window_ms").asLong()),
                    Instant.parse(r.path("written_at").asText()), r.path("contact_count").asInt(),
                    r.path("contacts_digest").asText());
            if (!pendingNames.contains(record.requestKey())) {
                records().put(record.requestKey(), record);
            }
        }
    }

    @Override
    protected void changed() {
        ObjectNode root = DeepEnrichJson.mapper().createObjectNode();
        ArrayNode entries = root.putArray("in_doubt");
        for (WireRecord r : records().values()) {
            entries.addObject()
                    .put("request_key", r.requestKey())
                    .put("fingerprint", r.fingerprint())
                    .put("fingerprint_window_ms", r.fingerprintWindow().toMillis())
                    .put("written_at", r.writtenAt().toString())
                    .put("contact_count", r.contactCount())
                    .put("contacts_digest", r.contactsDigest());
        }
        AtomicFile.write(file, DeepEnrichJson.write(root), "the DeepEnrich wire records");
    }
}
