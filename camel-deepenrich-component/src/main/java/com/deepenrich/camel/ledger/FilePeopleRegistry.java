package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The people store of {@link FileDeepEnrichLedger}, in its own JSON file beside the ledger file
 * ({@code <ledger file>.people.json}), rewritten atomically on every change. One file belongs to one process at a
 * time: a hold whose request was not accepted when that process ended is not read back (nothing will send it).
 */
public class FilePeopleRegistry extends InMemoryPeopleRegistry {

    private static final TypeReference<Map<String, String>> CUSTOM = new TypeReference<>() {
    };

    private final Path file;

    public FilePeopleRegistry(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                load();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DeepEnrich people store " + file, e);
        }
    }

    public Path getFile() {
        return file;
    }

    private void load() throws IOException {
        JsonNode root = DeepEnrichJson.mapper().readTree(file.toFile());
        for (JsonNode h : root.path("holds")) {
            if (h.path("enrichment_id").isNull() || h.path("enrichment_id").isMissingNode()) {
                continue; // its request was not accepted, and the process that would have sent it is gone
            }
            restore(new PersonHold(h.path("person").asText(), h.path("holder").asText(), h.path("awaited").asBoolean(),
                    h.path("enrichment_id").asText(null), h.path("request_index").asInt(-1),
                    DeepEnrichJson.mapper().convertValue(h.path("custom"), CUSTOM),
                    Instant.parse(h.path("expires_at").asText())), h.path("closed").asBoolean());
        }
        for (JsonNode w : root.path("waiting")) {
            restore(new WaitingContact(w.path("waiting_id").asText(), w.path("person").asText(),
                    w.path("contact").asText(), Instant.parse(w.path("since").asText())));
        }
    }

    @Override
    protected void changed() {
        ObjectNode root = DeepEnrichJson.mapper().createObjectNode();
        ArrayNode holds = root.putArray("holds");
        for (PersonHold h : holds()) {
            ObjectNode node = holds.addObject()
                    .put("person", h.identity())
                    .put("holder", h.holder())
                    .put("awaited", h.awaited())
                    .put("enrichment_id", h.enrichmentId())
                    .put("request_index", h.position())
                    .put("expires_at", h.expiresAt().toString())
                    .put("closed", isClosed(h.identity()));
            node.set("custom", DeepEnrichJson.mapper().valueToTree(h.custom()));
        }
        ArrayNode waiting = root.putArray("waiting");
        for (WaitingContact w : waiting()) {
            waiting.addObject()
                    .put("waiting_id", w.id())
                    .put("person", w.identity())
                    .put("contact", w.contact())
                    .put("since", w.since().toString());
        }
        AtomicFile.write(file, DeepEnrichJson.write(root), "DeepEnrich people store");
    }
}
