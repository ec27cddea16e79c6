package com.deepenrich.camel.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lenient key matching: every spelling of a contact field is that field; any other key is kept as it is. */
class ContactMapperKeysTest {

    @Test
    void everySpellingOfAFieldIsTheApiName() {
        for (String key : new String[]{"firstname", "firstName", "first_name", "First Name", "FIRSTNAME", "fname",
                "Given-Name", "first"}) {
            assertEquals("firstname", ContactMapper.canonical(key), key);
        }
        for (String key : new String[]{"company_name", "companyName", "Company", "organisation", "EMPLOYER"}) {
            assertEquals("company_name", ContactMapper.canonical(key), key);
        }
        for (String key : new String[]{"domain", "Website", "company_domain", "Company Website"}) {
            assertEquals("domain", ContactMapper.canonical(key), key);
        }
        for (String key : new String[]{"linkedin_url", "LinkedIn", "linkedinProfileUrl"}) {
            assertEquals("linkedin_url", ContactMapper.canonical(key), key);
        }
        assertEquals("lastname", ContactMapper.canonical("Last Name"));
        assertEquals("enrich_fields", ContactMapper.canonical("enrichFields"));
        assertEquals("custom", ContactMapper.canonical("CUSTOM"));
    }

    @Test
    void otherKeysAreKeptAsTheyAre() {
        for (String key : new String[]{"lead_id", "Lead Id", "crm", "x1", ""}) {
            assertEquals(key, ContactMapper.canonical(key));
        }
    }
}
