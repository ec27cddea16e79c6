package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic, distinct, valid contacts: contact {@code i} always has the same names, company and lead id, and no
 * two contacts of a run are identical (the lead id differs), so the simulator never sees a duplicate by accident.
 */
public final class SyntheticContacts {

    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret",
            "Ken", "Radia", "Tim", "Frances", "John", "Shafi", "Leslie", "Niklaus", "Hedy"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Hamilton", "Thompson", "Perlman", "Berners-Lee", "Allen", "Backus", "Goldwasser", "Lamport", "Wirth",
            "Lamarr"};
    private static final String[] COMPANY = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne",
            "Wonka", "Tyrell", "Cyberdyne"};

    private SyntheticContacts() {
    }

    /** The lead id of contact {@code i}: echoed back in {@code custom}, it identifies the contact in results. */
    public static String leadId(int i) {
        return "L" + i;
    }

    /** Contact {@code i} as a map in the API's field names, its lead id under {@code custom}. */
    public static Map<String, Object> apiShaped(int i) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("firstname", FIRST[i % FIRST.length]);
        contact.put("lastname", LAST[(i / FIRST.length) % LAST.length]);
        contact.put("domain", domain(i));
        contact.put("company_name", company(i));
        contact.put("custom", Map.of("lead_id", leadId(i)));
        return contact;
    }

    public static List<Map<String, Object>> apiShaped(int from, int count) {
        List<Map<String, Object>> contacts = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            contacts.add(apiShaped(i));
        }
        return contacts;
    }

    /** The header of {@link #writeCsv}: a CRM export's columns, not the API's names. */
    public static final String CSV_HEADER = "Lead Id,First Name,Last Name,Company,Website";

    /** Writes {@code count} contacts as a CSV with {@link #CSV_HEADER}. */
    public static void writeCsv(Path file, int count) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write('\n');
            for (int i = 0; i < count; i++) {
                out.write(leadId(i) + ',' + FIRST[i % FIRST.length] + ',' + LAST[(i / FIRST.length) % LAST.length]
                          + ',' + company(i) + ",https://www." + domain(i) + "/\n");
            }
        }
    }

    private static String company(int i) {
        return COMPANY[i % COMPANY.length] + " " + (i % 997);
    }

    private static String domain(int i) {
        return COMPANY[i % COMPANY.length].toLowerCase() + "-" + (i % 997) + ".com";
    }
}
