package com.deepenrich.camel.examples.benchmarks;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Webhook bodies as DeepEnrich sends them (the GET result of a FINISHED enrichment), rendered once before measuring. */
final class ResultBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultBodies() {
    }

    /** A FINISHED result with a fresh id for {@code size} contacts, the first being {@code from}. */
    static byte[] finished(int from, int size) {
        List<Object> datas = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            datas.add(enriched(SyntheticContacts.apiShaped(i)));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", UUID.randomUUID().toString());
        result.put("name", "webhook benchmark");
        result.put("status", "FINISHED");
        result.put("cost", Map.of("credits", size));
        result.put("datas", datas);
        try {
            return MAPPER.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> enriched(Map<String, Object> input) {
        String email = (input.get("firstname") + "." + input.get("lastname") + "@" + input.get("domain")).toLowerCase();
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("firstname", input.get("firstname"));
        contact.put("lastname", input.get("lastname"));
        contact.put("domain", input.get("domain"));
        contact.put("most_probable_email", email);
        contact.put("most_probable_email_status", "DELIVERABLE");
        contact.put("most_probable_personal_email", "");
        contact.put("most_probable_personal_email_status", "");
        contact.put("most_probable_phone", "+44 20 7946 0000");
        contact.put("emails", List.of(Map.of("email", email, "status", "DELIVERABLE")));
        contact.put("personal_emails", List.of());
        contact.put("phones", List.of(Map.of("number", "+44 20 7946 0000", "region", "GB")));
        contact.put("social_medias", List.of(Map.of("url", "https://www.linkedin.com/in/demoge/", "type", "LINKEDIN")));
        contact.put("profile", Map.of("headline", "Head of Sales Operations", "location", "London",
                "position", Map.of("title", "Head of Sales Operations",
                        "company", Map.of("name", input.get("company_name"), "domain", input.get("domain")))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("custom", input.get("custom"));
        data.put("contact", contact);
        return data;
    }
}
