package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ledger kept in one JSON file, so that pending enrichments survive a restart of the application. Every change
 * rewrites the file atomically (a synced temporary file moved over the old one), so a crash leaves either the old
 * or the new content, never a torn one. One file belongs to one process at a time: claims are held in memory.
 * <p>
 * Given a directory, the file is {@value #DEFAULT_FILE_NAME} in it. Bean example:
 * {@code camel.beans.ledger = #class:com.deepenrich.camel.ledger.FileDeepEnrichLedger('data/ledger.json')}.
 */
public class FileDeepEnrichLedger extends InMemoryDeepEnrichLedger {

    public static final String DEFAULT_FILE_NAME = "deepenrich-ledger.json";

    private final Path file;
    private final FileWireRecords wire;
    private final FilePeopleRegistry people;
    private final FileCreditsBook credits;

    public FileDeepEnrichLedger(String path) {
        this(Path.of(path));
    }

    /** Reads the pending enrichments the file holds; a file that is not a ledger fails here, before it is replaced. */
    public FileDeepEnrichLedger(Path path) {
        Path absolute = path.toAbsolutePath();
        this.file = Files.isDirectory(absolute) ? absolute.resolve(DEFAULT_FILE_NAME) : absolute;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                load();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DeepEnrich ledger " + file, e);
        }
        wire = new FileWireRecords(file,
                pending().stream().map(PendingEnrichment::name).collect(Collectors.toSet()));
        credits = new FileCreditsBook(file.resolveSibling(file.getFileName() + ".credits.json"));
        people = new FilePeopleRegistry(file.resolveSibling(file.getFileName() + ".people.json"));
    }

    public Path getFile() {
        return file;
    }

    /** In {@code <ledger file>.wire.json}. */
    @Override
    public WireRecords wire() {
        return wire;
    }

    /** The credits budget's counts and reservations, in {@code <ledger file>.credits.json}. */
    @Override
    public CreditsBook credits() {
        return credits;
    }

    @Override
    public synchronized void record(PendingEnrichment pending) {
        super.record(pending);
        save();
    }

    /** When the file cannot be written, the id stays pending, so that a later attempt completes it. */
    @Override
    public synchronized boolean complete(String enrichmentId) {
        Optional<PendingEnrichment> pending = find(enrichmentId);
        if (pending.isEmpty()) {
            return false;
        }
        super.complete(enrichmentId);
        try {
            save();
        } catch (UncheckedIOException e) {
            super.record(pending.get());
            throw e;
        }
        return true;
    }

    @Override
    public synchronized void recordSubmission(String fingerprint, String enrichmentId, Instant acceptedAt,
                                              Duration keep) {
        super.recordSubmission(fingerprint, enrichmentId, acceptedAt, keep);
        save();
    }

    @Override
    public synchronized void forgetSubmission(String enrichmentId) {
        super.forgetSubmission(enrichmentId);
        save();
    }

    /** The people being enriched, in {@code <ledger file>.people.json}. */
    @Override
    public PeopleRegistry people() {
        return people;
    }

    /**
     * Reads the file: an object of pending enrichments and accepted submissions (or, as first written, an array of
     * pending ones).
     */
    private void load() throws IOException {
        JsonNode root = DeepEnrichJson.mapper().readTree(file.toFile());
        JsonNode entries = root != null && root.isObject() ? root.path("pending") : root;
        if (entries == null || !entries.isArray()) {
            throw new IOException(file + " is not a DeepEnrich ledger (a JSON object with an array 'pending')");
        }
        for (JsonNode s : root.path("submissions")) {
            submissions().put(s.path("fingerprint").asText(), new AcceptedSubmission(
                    s.path("enrichment_id").asText(), Instant.parse(s.path("accepted_at").asText())));
        }
        for (JsonNode e : entries) {
            super.record(new PendingEnrichment(e.path("enrichment_id").asText(), e.path("name").asText(null),
                    Instant.parse(e.path("submitted_at").asText()), e.path("contact_count").asInt()));
        }
    }

    private void save() {
        ObjectNode root = DeepEnrichJson.mapper().createObjectNode();
        ArrayNode entries = root.putArray("pending");
        for (PendingEnrichment p : pending()) {
            entries.addObject()
                    .put("enrichment_id", p.enrichmentId())
                    .put("name", p.name())
                    .put("submitted_at", p.submittedAt().toString())
                    .put("contact_count", p.contactCount());
        }
        ArrayNode accepted = root.putArray("submissions");
        submissions().forEach((fingerprint, s) -> accepted.addObject()
                .put("fingerprint", fingerprint)
                .put("enrichment_id", s.enrichmentId())
                .put("accepted_at", s.acceptedAt().toString()));
        AtomicFile.write(file, DeepEnrichJson.write(root), "the DeepEnrich ledger");
    }
}
