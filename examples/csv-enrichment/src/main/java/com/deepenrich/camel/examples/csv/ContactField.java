package com.deepenrich.camel.examples.csv;

import java.util.Locale;

/** The contact fields DeepEnrich reads. */
public enum ContactField {

    FIRST_NAME("firstname"),
    LAST_NAME("lastname"),
    COMPANY("company_name"),
    DOMAIN("domain"),
    LINKEDIN("linkedin_url");

    private final String apiName;

    ContactField(String apiName) {
        this.apiName = apiName;
    }

    /** The field's name in a bulk request's contact. */
    public String apiName() {
        return apiName;
    }

    /** The job's option naming this field's column: {@code first-name-column} ... */
    String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-column";
    }
}
