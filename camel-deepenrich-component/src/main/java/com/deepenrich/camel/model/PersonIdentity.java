package com.deepenrich.camel.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who a contact is, whatever the spelling: two contacts with the same identity are the same person to enrich. The
 * LinkedIn URL when present (lower case, without scheme, {@code www.}, query, fragment or trailing slash), else the
 * first name, last name and domain (or company name when there is no domain), each in lower case without accents and
 * with single spaces. A custom field can hold the identity instead (option {@code identityField}: a CRM person id).
 * The enrich fields are part of it: a person asked for emails is not the same request as one asked for phones.
 */
public final class PersonIdentity {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<List<String>, String> FIELDS = new ConcurrentHashMap<>();

    private PersonIdentity() {
    }

    /** {@code identityField}: the custom field holding the identity, or null for the contact's own fields. */
    public static String of(Contact contact, String identityField) {
        return fields(contact.getEnrichFields()) + " " + person(contact, identityField);
    }

    /** The person of an identity made by {@link #of}. */
    public static String personOf(String identity) {
        return identity.substring(identity.indexOf(' ') + 1);
    }

    /** The enrich fields of an identity made by {@link #of}. */
    public static List<String> enrichFieldsOf(String identity) {
        String fields = identity.substring(0, Math.max(0, identity.indexOf(' ')));
        return fields.isEmpty() ? List.of() : List.of(fields.split(","));
    }

    /** The person alone, whatever the enrich fields asked (the key of her stored result). */
    public static String person(Contact contact, String identityField) {
        String person = null;
        if (identityField != null && !identityField.isBlank()) {
            String given = contact.getCustom().get(identityField);
            person = given == null || given.isBlank() ? null : "custom:" + given.strip();
        }
        if (person == null && contact.getLinkedinUrl() != null && !contact.getLinkedinUrl().isBlank()) {
            person = "linkedin:" + linkedin(contact.getLinkedinUrl());
        }
        if (person == null) {
            String firm = contact.getDomain() != null && !contact.getDomain().isBlank()
                    ? "domain:" + host(contact.getDomain()) : "company:" + words(contact.getCompanyName());
            person = "name:" + words(contact.getFirstname()) + "|" + words(contact.getLastname()) + "|" + firm;
        }
        return person;
    }

    /** A LinkedIn URL as one person's key: {@code linkedin.com/in/demoge} for every spelling of it. */
    static String linkedin(String url) {
        String s = url.strip().toLowerCase(Locale.ROOT);
        s = SCHEME.matcher(s).replaceFirst("");
        int cut = indexOfAny(s, '?', '#');
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String host(String domain) {
        String s = linkedin(domain);
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** Lower case, without accents, single spaces; plain ASCII with single spaces (the usual case) is not rewritten. */
    private static String words(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        boolean ascii = true;
        boolean spaced = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            ascii &= c < 0x80;
            spaced |= Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(s.charAt(i + 1)));
        }
        if (!ascii) {
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        }
        return spaced || !ascii ? SPACES.matcher(s).replaceAll(" ") : s;
    }

    /** The enrich fields' part of identities, by the list asked: there are few lists (the known fields' subsets). */
    private static String fields(List<String> enrichFields) {
        String known = FIELDS.get(enrichFields);
        if (known == null) {
            known = enrichFields.stream().sorted().distinct().reduce((a, b) -> a + "," + b).orElse("");
            FIELDS.putIfAbsent(List.copyOf(enrichFields), known);
        }
        return known;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
