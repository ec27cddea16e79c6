package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreditsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static SimulatorConfig.Builder config() {
        return SimulatorConfig.builder().processingLatency(Duration.ofMillis(50)).requestsPerMinute(0);
    }

    @Test
    void runningOutOfCreditsEndsCreditsInsufficientWithBlankContacts() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().credits(15).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            JsonNode result = client.awaitFinal(client.submit(Fixtures.people("short of credits", 20)), TIMEOUT);

            assertEquals("CREDITS_INSUFFICIENT", result.get("status").asText());
            JsonNode datas = result.get("datas");
            assertEquals(20, datas.size());
            JsonNode blank = Fixtures.json("result-credits-insufficient.json").at("/datas/0/contact");
            int paid = 0;
            while (paid < datas.size() && !datas.get(paid).get("contact").equals(blank)) {
                paid++;
            }
            assertTrue(paid < 20, "some contacts are blank");
            long expectedCost = 0;
            for (int i = 0; i < datas.size(); i++) {
                JsonNode data = datas.get(i);
                assertEquals(String.valueOf(i), data.at("/custom/row").asText(), "custom echoed");
                if (i < paid) {
                    expectedCost += price(data.get("contact"));
                } else {
                    assertEquals(blank, data.get("contact"), "contact " + i + " after the first unpaid one is blank");
                }
            }
            long cost = result.at("/cost/credits").asLong();
            assertEquals(expectedCost, cost);
            assertEquals(cost, simulator.stats().creditsSpent());
            assertEquals(15 - cost, simulator.credits());
            assertEquals(JobStatus.CREDITS_INSUFFICIENT,
                    simulator.job(result.get("id").asText()).orElseThrow().status());
        }
    }

    @Test
    void costIsOneCreditPerEmailAndTenPerPhoneAndEqualsWhatWasSpent() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            JsonNode result = client.awaitFinal(client.submit(Fixtures.people("paid", 30)), TIMEOUT);

            assertEquals("FINISHED", result.get("status").asText());
            long expected = 0;
            for (JsonNode data : result.get("datas")) {
                expected += price(data.get("contact"));
            }
            assertTrue(expected > 0);
            assertEquals(expected, result.at("/cost/credits").asLong());
            assertEquals(expected, simulator.stats().creditsSpent());
            assertEquals(1_000_000 - expected, client.get("/account/credits").json().get("balance").asLong());
        }
    }

    @Test
    void documentationTestContactIsFree() throws Exception {
        ContactInput gregoire = new ContactInput("Grégoire", "Démogé", "deepenrich.com", "", "",
                Set.of(ContactInput.EMAILS, ContactInput.PHONES), Map.of());
        assertFalse(new FakeEnricher().enrich(gregoire).mostProbableEmail().isEmpty(), "precondition: email found");
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            ObjectNode contact = Fixtures.contact("Grégoire", "Démogé", "deepenrich.com");

            JsonNode result = client.awaitFinal(client.submit(Fixtures.bulk("free", contact)), TIMEOUT);

            assertNotEquals("", result.at("/datas/0/contact/most_probable_email").asText());
            assertEquals(0, result.at("/cost/credits").asLong());
            assertEquals(1_000_000, simulator.credits());
        }
    }

    @Test
    void reEnrichingAfterAFinishedJobIsFreeButNotWithinOneRequestOrSimultaneously() throws Exception {
        // long enough for the second submission to happen while the first job runs (asserted below)
        Duration latency = Duration.ofSeconds(2);
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().processingLatency(latency).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            ObjectNode twice = Fixtures.bulk("twice", Fixtures.person(1), Fixtures.person(1));
            String first = client.submit(twice);
            String simultaneous = client.submit(Fixtures.bulk("simultaneous", Fixtures.person(1)));
            assertFalse(simulator.job(first).orElseThrow().status().isFinal(),
                    "precondition: the second submission came while the first job ran");

            long price = price(client.awaitFinal(first, TIMEOUT).at("/datas/0/contact"));
            assertTrue(price > 0, "precondition: person 1 costs credits");
            assertEquals(2 * price, client.awaitFinal(first, TIMEOUT).at("/cost/credits").asLong());
            assertEquals(price, client.awaitFinal(simultaneous, TIMEOUT).at("/cost/credits").asLong());

            String later = client.submit(Fixtures.bulk("later", Fixtures.person(1)));
            assertEquals(0, client.awaitFinal(later, TIMEOUT).at("/cost/credits").asLong());
            assertEquals(3, simulator.stats().duplicateContactSubmissions());
            assertEquals(4, simulator.stats().contactsSubmitted());
            assertEquals(3, simulator.stats().submissions());
        }
    }

    @Test
    void everyIdenticalContactIsChargedWhenFreeReenrichmentIsOff() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config().freeReenrichment(false).build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            long first =
                    client.awaitFinal(client.submit(Fixtures.people("first", 3)), TIMEOUT).at("/cost/credits").asLong();
            long again =
                    client.awaitFinal(client.submit(Fixtures.people("again", 3)), TIMEOUT).at("/cost/credits").asLong();

            assertTrue(first > 0);
            assertEquals(first, again);
        }
    }

    /** The documented rule: 1 credit for a contact with an email, 10 per phone. */
    private static long price(JsonNode contact) {
        long email = contact.get("most_probable_email").asText().isEmpty() ? 0 : 1;
        return email + 10L * contact.get("phones").size();
    }
}
