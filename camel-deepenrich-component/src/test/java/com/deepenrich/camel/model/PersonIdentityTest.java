package com.deepenrich.camel.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PersonIdentityTest {

    private static Contact.Builder ann() {
        return Contact.builder().firstname("Ann").lastname("Lee").domain("acme.com").enrichFields("contact.emails");
    }

    private static String id(Contact.Builder contact) {
        return PersonIdentity.of(contact.build(), null);
    }

    @Test
    void everySpellingOfALinkedInUrlIsOnePerson() {
        String person = id(ann().linkedinUrl("https://www.linkedin.com/in/demoge/"));

        for (String url : new String[]{"http://linkedin.com/in/demoge", "HTTPS://WWW.LINKEDIN.COM/IN/DEMOGE",
                "https://www.linkedin.com/in/demoge/?trk=public#top", "linkedin.com/in/demoge//",
                " https://www.linkedin.com/in/demoge "}) {
            assertEquals(person, id(ann().linkedinUrl(url)), url);
        }
        assertNotEquals(person, id(ann().linkedinUrl("https://www.linkedin.com/in/demoge2/")));
    }

    @Test
    void withoutLinkedInTheNameAndDomainOrCompanyDecideCaseAccentsAndSpacesAside() {
        assertEquals(id(ann()), id(ann().firstname(" ANN ").lastname("lee").domain("https://www.ACME.com/about")));
        assertEquals(id(Contact.builder().firstname("Grégoire").lastname("Démogé").companyName("Example  Inc")),
                id(Contact.builder().firstname("gregoire").lastname("DEMOGE").companyName("example inc")));
        assertNotEquals(id(ann()), id(ann().domain("other.com")));
        assertNotEquals(id(ann()), id(ann().lastname("Li")));
    }

    @Test
    void aContactAskedForOtherFieldsIsAnotherRequest() {
        assertNotEquals(id(ann()), id(ann().enrichFields("contact.emails", "contact.phones")));
        assertEquals(id(ann().enrichFields("contact.phones", "contact.emails")),
                id(ann().enrichFields("contact.emails", "contact.phones")));
    }

    @Test
    void aCustomIdentityFieldWinsWhenTheContactHasIt() {
        Contact crm1 = ann().custom("crm", "P-1").build();
        Contact crm1Elsewhere = ann().lastname("Other").custom("crm", "P-1").build();

        assertEquals(PersonIdentity.of(crm1, "crm"), PersonIdentity.of(crm1Elsewhere, "crm"));
        assertEquals(PersonIdentity.of(ann().build(), null), PersonIdentity.of(ann().build(), "crm"),
                "without the field: her own fields");
    }
}
