package com.deepenrich.camel.producer;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.Rejection.Problem;

/**
 * The API's documented rules, checked before any request so that no credit is spent on a request it would
 * refuse: firstname, lastname, and company_name or domain; a LinkedIn URL when given; at most 10 custom fields of at
 * most 100 characters; enrich fields from the known set. Domains are normalized (scheme, www. and path dropped).
 */
final class ContactValidator {

    static final Set<String> KNOWN_ENRICH_FIELDS = Set.of("contact.emails", "contact.phones");
    static final int MAX_CUSTOM_KEYS = 10;
    static final int MAX_CUSTOM_VALUE = 100;
    static final int MAX_FIELD = 255;

    /** The longest host name DNS accepts, and the longest label. */
    static final int MAX_HOSTNAME = 253;
    static final int MAX_LABEL = 63;

    /** A contact ready to send, or the rejection naming every reason it cannot be. */
    record Checked(Contact contact, Rejection rejection) {
    }

    private ContactValidator() {
    }

    static Checked check(int index, Contact c, Object item, List<String> defaultFields) {
        List<Problem> problems = new ArrayList<>();
        required("firstname", c.getFirstname(), problems);
        required("lastname", c.getLastname(), problems);
        String domain = c.getDomain() == null ? null : normalizeDomain(c.getDomain());
        if (blank(c.getCompanyName()) && blank(domain)) {
            problems.add(new Problem("domain", "company_name or domain is required"));
        }
        if (domain != null && !isHostname(domain)) {
            problems.add(new Problem("domain", "'" + abbreviate(c.getDomain()) + "' is not a domain name"));
        }
        tooLong("company_name", c.getCompanyName(), problems);
        if (c.getLinkedinUrl() != null) {
            if (!c.getLinkedinUrl().toLowerCase(Locale.ROOT).contains("linkedin.com/")) {
                problems.add(new Problem("linkedin_url",
                        "'" + abbreviate(c.getLinkedinUrl()) + "' is not a LinkedIn URL"));
            }
            tooLong("linkedin_url", c.getLinkedinUrl(), problems);
        }
        if (c.getCustom().size() > MAX_CUSTOM_KEYS) {
            problems.add(new Problem("custom", "has " + c.getCustom().size() + " keys, at most " + MAX_CUSTOM_KEYS
                                               + " are allowed"));
        }
        c.getCustom().forEach((key, value) -> { // forEach, not entrySet(): no iterator and entry views per contact
            if (value.length() > MAX_CUSTOM_VALUE) {
                problems.add(new Problem("custom." + key, "is " + value.length() + " characters, at most "
                                                          + MAX_CUSTOM_VALUE + " are allowed"));
            }
        });
        List<String> fields = c.getEnrichFields().isEmpty() ? defaultFields : c.getEnrichFields();
        for (String f : fields) {
            if (!KNOWN_ENRICH_FIELDS.contains(f)) {
                problems.add(new Problem("enrich_fields", "unknown field '" + abbreviate(f) + "', known: "
                                                          + KNOWN_ENRICH_FIELDS));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, new Rejection(index, problems, item));
        }
        boolean asIs = Objects.equals(domain, c.getDomain()) && fields == c.getEnrichFields();
        return new Checked(asIs ? c : c.toBuilder().domain(domain).enrichFields(fields).build(), null);
    }

    static String normalizeDomain(String raw) {
        String d = raw.trim().toLowerCase(Locale.ROOT);
        int scheme = d.indexOf("://");
        if (scheme > 0 && allLetters(d, scheme)) {
            d = d.substring(scheme + 3);
        }
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        int cut = d.indexOf('/');
        d = cut >= 0 ? d.substring(0, cut) : d;
        if (d.isEmpty()) {
            return null;
        }
        if (isAscii(d)) {
            return d; // IDN.toASCII would return an ASCII name as it is; skipping it is the hot path
        }
        try {
            return IDN.toASCII(d);
        } catch (IllegalArgumentException notIdn) {
            return d;
        }
    }

    /**
     * A lower-case ASCII host name of two labels or more, at most {@value #MAX_HOSTNAME} characters: labels of
     * letters, digits and inner hyphens, at most {@value #MAX_LABEL} long; the last (the top-level domain) starts with
     * a letter and has two characters or more. A loop, not a regex: it runs for every contact.
     */
    static boolean isHostname(String d) {
        if (d.isEmpty() || d.length() > MAX_HOSTNAME) {
            return false;
        }
        int labels = 0;
        int start = 0;
        while (true) {
            int dot = d.indexOf('.', start);
            int end = dot < 0 ? d.length() : dot;
            if (!isLabel(d, start, end)) {
                return false;
            }
            labels++;
            if (dot < 0) {
                char first = d.charAt(start);
                return labels >= 2 && end - start >= 2 && first >= 'a' && first <= 'z';
            }
            start = dot + 1;
        }
    }

    private static boolean isLabel(String d, int start, int end) {
        if (end == start || end - start > MAX_LABEL || d.charAt(start) == '-' || d.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = d.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLetters(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static void required(String field, String value, List<Problem> problems) {
        if (blank(value)) {
            problems.add(new Problem(field, field + " is required"));
        } else {
            tooLong(field, value, problems);
        }
    }

    private static void tooLong(String field, String value, List<Problem> problems) {
        if (value != null && value.length() > MAX_FIELD) {
            problems.add(new Problem(field, "is " + value.length() + " characters, at most " + MAX_FIELD
                                            + " are accepted"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
