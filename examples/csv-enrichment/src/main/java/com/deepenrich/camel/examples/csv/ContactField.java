package com.deepenrich.camel.examples.csv;

import java.util.Locale;
import java.util.Set;

/** The contact fields DeepEnrich reads, each with the header names a CSV commonly gives it. */
public enum ContactField {

    FIRST_NAME("firstname", "firstname", "first", "givenname", "fname"),
    LAST_NAME("lastname", "lastname", "last", "surname", "familyname", "lname"),
    COMPANY("company_name", "company", "companyname", "organization", "organisation", "employer", "account"),
    DOMAIN("domain", "domain", "companydomain", "website", "companywebsite"),
    LINKEDIN("linkedin_url", "linkedin", "linkedinurl", "linkedinprofile", "linkedinprofileurl");

    private final String apiName;
    private final Set<String> headerAliases;

    ContactField(String apiName, String... headerAliases) {
        this.apiName = apiName;
        this.headerAliases = Set.of(headerAliases);
    }

    /** The field's name in a bulk request's contact. */
    public String apiName() {
        return apiName;
    }

    /** The job's option naming this field's column: {@code first-name-column} ... */
    String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-column";
    }

    /** Whether a CSV header names this field: case, spaces, dashes and underscores do not matter. */
    boolean matchesHeader(String header) {
        return headerAliases.contains(header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }
}
