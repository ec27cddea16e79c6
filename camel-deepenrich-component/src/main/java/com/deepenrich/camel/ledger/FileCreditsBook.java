package com.deepenrich.camel.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The credits book of the file ledger: its own JSON file beside the ledger file ({@code <ledger file>.credits.json}),
 * rewritten atomically at every change, so that one instance keeps its counts and reservations across restarts.
 */
public class FileCreditsBook extends InMemoryCreditsBook {

    private final Path file;

    /** Reads what the file holds; a file that is not a credits book fails here, before it is replaced. */
    public FileCreditsBook(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                load();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the DeepEnrich credits book " + file, e);
            }
        }
    }

    public Path getFile() {
        return file;
    }

    /** A reservation the file cannot hold is refused, so that no request is sent on it. */
    @Override
    public synchronized boolean reserve(CreditsReservation reservation, Instant periodEnd, long budget) {
        if (!super.reserve(reservation, periodEnd, budget)) {
            return false;
        }
        try {
            save();
        } catch (UncheckedIOException e) {
            super.cancel(reservation.id());
            throw e;
        }
        return true;
    }

    @Override
    public synchronized void accepted(String reservationId, String enrichmentId) {
        super.accepted(reservationId, enrichmentId);
        save();
    }

    @Override
    public synchronized void cancel(String reservationId) {
        super.cancel(reservationId);
        save();
    }

    @Override
    public synchronized boolean settle(String enrichmentId, long credits) {
        boolean settled = super.settle(enrichmentId, credits);
        if (settled) {
            save();
        }
        return settled;
    }

    @Override
    public synchronized List<CreditsReservation> purge(Instant before) {
        List<CreditsReservation> released = super.purge(before);
        save();
        return released;
    }

    private void load() throws IOException {
        JsonNode root = DeepEnrichJson.mapper().readTree(file.toFile());
        if (root == null || !root.path("counts").isArray() || !root.path("reservations").isArray()) {
            throw new IOException(file + " is not a DeepEnrich credits book (a JSON object with arrays 'counts' and "
                                  + "'reservations')");
        }
        for (JsonNode c : root.path("counts")) {
            restore(new PeriodCount(c.path("account").asText(), c.path("period").asText(),
                    instant(c.path("period_end")), c.path("reserved").asLong(), c.path("spent").asLong()));
        }
        for (JsonNode r : root.path("reservations")) {
            restore(new CreditsReservation(r.path("reservation_id").asText(), r.path("account").asText(),
                    r.path("period").asText(), r.path("credits").asLong(), r.path("request_name").asText(null),
                    instant(r.path("reserved_at")), r.path("enrichment_id").asText(null)));
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }

    private void save() {
        ObjectNode root = DeepEnrichJson.mapper().createObjectNode();
        ArrayNode counts = root.putArray("counts");
        for (PeriodCount c : counts()) {
            counts.addObject()
                    .put("account", c.account())
                    .put("period", c.period())
                    .put("period_end", c.end() == null ? null : c.end().toString())
                    .put("reserved", c.reserved())
                    .put("spent", c.spent());
        }
        ArrayNode reservations = root.putArray("reservations");
        for (CreditsReservation r : reservations()) {
            reservations.addObject()
                    .put("reservation_id", r.id())
                    .put("account", r.account())
                    .put("period", r.period())
                    .put("credits", r.credits())
                    .put("request_name", r.requestName())
                    .put("reserved_at", r.reservedAt().toString())
                    .put("enrichment_id", r.enrichmentId());
        }
        AtomicFile.write(file, DeepEnrichJson.write(root), "the DeepEnrich credits book");
    }
}
