package com.deepenrich.camel.examples.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One validated contact of a bulk request.
 */
record ContactInput(String firstname, String lastname, String domain, String companyName, String linkedinUrl,
                    Set<String> enrichFields, Map<String, String> custom) {

    static final String EMAILS = "contact.emails";
    static final String PHONES = "contact.phones";

    boolean wants(String enrichField) {
        return enrichFields.contains(enrichField);
    }

    /** The documentation's test contact, which costs no credits. */
    boolean isDocumentationTestContact() {
        boolean named = firstname.strip().equalsIgnoreCase("Grégoire") && lastname.strip().equalsIgnoreCase("Démogé");
        return named || linkedinUrl.toLowerCase(Locale.ROOT).contains("linkedin.com/in/demoge");
    }

    /** What makes two submitted contacts identical. */
    Key key() {
        return new Key(firstname, lastname, domain, companyName, linkedinUrl, custom);
    }

    record Key(String firstname, String lastname, String domain, String companyName, String linkedinUrl,
               Map<String, String> custom) {
    }
}
