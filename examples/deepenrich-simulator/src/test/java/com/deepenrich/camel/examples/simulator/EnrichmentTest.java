package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.ResultModel.Contact;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrichmentTest {

    private static final Set<String> EMAILS_AND_PHONES = Set.of(ContactInput.EMAILS, ContactInput.PHONES);
    private static final Set<String> STATUSES = Set.of("DELIVERABLE", "HIGH_PROBABILITY", "CATCH_ALL");

    private final FakeEnricher enricher = new FakeEnricher();

    @Test
    void sameContactSubmittedTwiceYieldsTheSameEmail() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .processingLatency(Duration.ofMillis(50)).requestsPerMinute(0).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            JsonNode first = client.awaitFinal(client.submit(Fixtures.people("first", 5)), Duration.ofSeconds(5));
            JsonNode second = client.awaitFinal(client.submit(Fixtures.people("second", 5)), Duration.ofSeconds(5));

            for (int i = 0; i < 5; i++) {
                JsonNode a = first.at("/datas/" + i + "/contact");
                JsonNode b = second.at("/datas/" + i + "/contact");
                assertEquals(a.get("most_probable_email"), b.get("most_probable_email"));
                assertEquals(a, b);
            }
            assertNotEquals(first.at("/datas/0/contact"), first.at("/datas/1/contact"));
        }
    }

    @Test
    void aboutOneContactInFiveIsNotFound() {
        int notFound = 0;
        for (int i = 0; i < 2000; i++) {
            Contact contact = enricher.enrich(person(i, EMAILS_AND_PHONES));
            if (contact.mostProbableEmail().isEmpty()) {
                notFound++;
                assertTrue(contact.emails().isEmpty());
                assertEquals("", contact.mostProbableEmailStatus());
            } else {
                assertTrue(STATUSES.contains(contact.mostProbableEmailStatus()));
                assertEquals(contact.mostProbableEmail(), contact.emails().get(0).email());
            }
        }
        assertTrue(notFound > 300 && notFound < 500, "not found: " + notFound + " of 2000");
    }

    @Test
    void phonesOnlyWhenAskedAndForAboutHalfOfTheFoundContacts() {
        int found = 0;
        int withPhone = 0;
        for (int i = 0; i < 2000; i++) {
            assertTrue(enricher.enrich(person(i, Set.of(ContactInput.EMAILS))).phones().isEmpty());
            Contact contact = enricher.enrich(person(i, EMAILS_AND_PHONES));
            if (!contact.mostProbableEmail().isEmpty()) {
                found++;
                if (!contact.phones().isEmpty()) {
                    withPhone++;
                    assertEquals(contact.phones().get(0).number(), contact.mostProbablePhone());
                }
            }
        }
        double ratio = (double) withPhone / found;
        assertTrue(ratio > 0.4 && ratio < 0.6, "phones for " + ratio + " of the found contacts");
    }

    @Test
    void inputNamesAndDomainAreKeptAndProfileFilled() {
        Contact contact = enricher.enrich(new ContactInput("Zoë", "O'Brien", "acme.co.uk", "Acme Ltd",
                "https://www.linkedin.com/in/zobrien/", EMAILS_AND_PHONES, Map.of()));

        assertEquals("Zoë", contact.firstname());
        assertEquals("O'Brien", contact.lastname());
        assertEquals("acme.co.uk", contact.domain());
        assertEquals("https://www.linkedin.com/in/zobrien/", contact.profile().linkedinUrl());
        assertEquals("LINKEDIN", contact.socialMedias().get(0).type());
        assertEquals("Acme Ltd", contact.profile().position().company().name());
        assertEquals("London, England, United Kingdom", contact.profile().location());
        assertTrue(contact.emails().stream().allMatch(email -> email.email().matches("[a-z0-9.]+@acme\\.co\\.uk")));
    }

    @Test
    void companyNameStandsInForAMissingDomain() {
        Contact contact = enricher.enrich(new ContactInput("Ann", "Lee", "", "Globex Corporation", "",
                EMAILS_AND_PHONES, Map.of()));

        assertEquals("globexcorporation.com", contact.domain());
        assertEquals(contact, enricher.enrich(new ContactInput("Ann", "Lee", "", "Globex Corporation", "",
                EMAILS_AND_PHONES, Map.of("ignored", "by enrichment"))));
    }

    private static ContactInput person(int i, Set<String> enrichFields) {
        return new ContactInput("first" + i, "last" + i, "company" + (i % 50) + ".com", "", "", enrichFields, Map.of());
    }
}
