package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Test payloads: the shared fixtures (copied into src/test/resources/fixtures) and request builders.
 */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return SimulatorClient.JSON.readTree(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One error body of errors.json, by its description, e.g. "401 unknown key". */
    static JsonNode error(String description) {
        return json("errors.json").get(description);
    }

    static ObjectNode contact(String firstname, String lastname, String domain) {
        ObjectNode contact = SimulatorClient.JSON.createObjectNode()
                .put("firstname", firstname)
                .put("lastname", lastname)
                .put("domain", domain);
        contact.putArray("enrich_fields").add("contact.emails").add("contact.phones");
        return contact;
    }

    /** Person {@code i} of a synthetic list, with custom {"row": "<i>"}. */
    static ObjectNode person(int i) {
        ObjectNode contact = contact("first" + i, "last" + i, "company" + (i % 7) + ".com");
        contact.putObject("custom").put("row", String.valueOf(i));
        return contact;
    }

    static ObjectNode bulk(String name, JsonNode... contacts) {
        ObjectNode bulk = SimulatorClient.JSON.createObjectNode().put("name", name);
        ArrayNode datas = bulk.putArray("datas");
        for (JsonNode contact : contacts) {
            datas.add(contact);
        }
        return bulk;
    }

    static ObjectNode people(String name, int count) {
        ObjectNode bulk = bulk(name);
        for (int i = 0; i < count; i++) {
            ((ArrayNode) bulk.get("datas")).add(person(i));
        }
        return bulk;
    }
}
