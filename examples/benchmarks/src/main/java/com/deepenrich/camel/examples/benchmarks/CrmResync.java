package com.deepenrich.camel.examples.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CRM export of a nightly re-sync, for {@code people} people. Day 1: every person once; half of them (the even
 * ones) have a LinkedIn URL, the others are known by name and domain. Day 2: the same export with 5% of the people
 * changed (moved to another company: a new domain, so a new person to enrich), 5% new people inserted along the file
 * (which shifts every later chunk of 100), 3% spelled another way for the same person, and 5% more rows that repeat
 * a person under another lead id (the same lead from two sources, every other one spelled another way), each 150 rows
 * after the row it repeats.
 */
final class CrmResync {

    /** What a day-2 row is to its person. */
    enum Kind {
        UNCHANGED, CHANGED, NEW, RESPELLED, DUPLICATE
    }

    /** One row of an export: the contact in the API's field names, its lead id under {@code custom}. */
    record Row(Map<String, Object> contact, Kind kind) {

        @SuppressWarnings("unchecked")
        String leadId() {
            return ((Map<String, String>) contact.get("custom")).get("lead_id");
        }

        /** An unchanged person, whatever the row's spelling: enriched on day 1. */
        boolean knownFromDayOne() {
            return kind == Kind.UNCHANGED || kind == Kind.RESPELLED;
        }
    }

    private static final int DUPLICATE_DISTANCE = 150;
    private static final int LINKEDIN_SPELLINGS = 5;

    private CrmResync() {
    }

    static List<Row> dayOne(int people) {
        List<Row> rows = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            rows.add(new Row(person(i), Kind.UNCHANGED));
        }
        return rows;
    }

    static List<Row> dayTwo(int people) {
        List<Row> rows = new ArrayList<>();
        int fresh = people;
        for (int i = 0; i < people; i++) {
            if (i % 20 == 1) {
                rows.add(new Row(moved(i), Kind.CHANGED));
            } else if (i % 100 == 4 || i % 100 == 6 || i % 100 == 7) {
                rows.add(new Row(respelled(person(i), i / 100), Kind.RESPELLED));
            } else {
                rows.add(new Row(person(i), Kind.UNCHANGED));
            }
            if (i % 20 == 10) {
                rows.add(new Row(person(fresh++), Kind.NEW));
            }
        }
        return withDuplicates(rows, people / 20);
    }

    /** Inserts {@code count} repeated rows, spread along the file, each {@value #DUPLICATE_DISTANCE} rows after its original. */
    private static List<Row> withDuplicates(List<Row> rows, int count) {
        int stride = Math.max(1, (rows.size() - DUPLICATE_DISTANCE) / Math.max(1, count));
        List<Row> out = new ArrayList<>(rows.size() + count);
        int made = 0;
        for (int p = 0; p < rows.size(); p++) {
            out.add(rows.get(p));
            if (made < count && p >= DUPLICATE_DISTANCE && (p - DUPLICATE_DISTANCE) % stride == 0) {
                Map<String, Object> copy = new LinkedHashMap<>(rows.get(p - DUPLICATE_DISTANCE).contact());
                copy.put("custom", Map.of("lead_id", "D" + made));
                out.add(new Row(made % 2 == 0 ? copy : respelled(copy, made / 2), Kind.DUPLICATE));
                made++;
            }
        }
        return out;
    }

    /** Person {@code i} as on day 1: a LinkedIn URL when even, else a first name of two words. */
    private static Map<String, Object> person(int i) {
        Map<String, Object> contact = SyntheticContacts.apiShaped(i);
        if (i % 2 == 1) {
            contact.put("firstname", contact.get("firstname") + " Marie");
        } else {
            contact.put("linkedin_url", "https://www.linkedin.com/in/" + slug(contact.get("firstname")) + "-"
                                        + slug(contact.get("lastname")) + "-" + i + "/");
        }
        return contact;
    }

    /** Person {@code i} (one known by name, never by LinkedIn) after a move to another company. */
    private static Map<String, Object> moved(int i) {
        Map<String, Object> contact = person(i);
        contact.put("domain", "newco-" + i + ".com");
        contact.put("company_name", "Newco " + i);
        return contact;
    }

    /**
     * The same person spelled another way ({@code variant} picks which): her LinkedIn URL without {@code www.},
     * without its trailing slash, with a query, in upper case, or her company's name instead of its domain; without
     * a LinkedIn URL, her names in upper case or her first name's two words three spaces apart (the component trims
     * the spaces around a name: that spelling would be identical input).
     */
    static Map<String, Object> respelled(Map<String, Object> original, int variant) {
        Map<String, Object> contact = new LinkedHashMap<>(original);
        String url = (String) contact.get("linkedin_url");
        if (url == null) {
            if (variant % 2 == 0) {
                contact.put("firstname", ((String) contact.get("firstname")).toUpperCase(Locale.ROOT));
                contact.put("lastname", ((String) contact.get("lastname")).toUpperCase(Locale.ROOT));
            } else {
                contact.put("firstname", ((String) contact.get("firstname")).replace(" ", "   "));
            }
            return contact;
        }
        switch (variant % LINKEDIN_SPELLINGS) {
            case 0 -> contact.put("linkedin_url", url.replace("://www.", "://"));
            case 1 -> contact.put("linkedin_url", url.substring(0, url.length() - 1));
            case 2 -> contact.put("linkedin_url", url + "?utm_source=crm");
            case 3 -> contact.put("linkedin_url", url.toUpperCase(Locale.ROOT));
            default -> contact.remove("domain");
        }
        return contact;
    }

    private static String slug(Object name) {
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
