package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger's wire store must do; a small test class per ledger kind extends this. */
abstract class WireRecordsContract {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofHours(1);

    /** A fresh, empty ledger. */
    abstract DeepEnrichLedger ledger() throws Exception;

    static WireRecord onTheWire(String key, int secondsAfterT0) {
        return new WireRecord(key, "fp-" + key, WINDOW, T0.plusSeconds(secondsAfterT0), 2,
                ContactsDigest.ofRequest(contacts(key)));
    }

    static List<Contact> contacts(String key) {
        return List.of(Contact.builder().firstname("Ada").lastname("Lovelace").domain("example.com")
                .custom("lead", key + "-1").build(),
                Contact.builder().firstname("Alan").lastname("Turing").domain("example.com").build());
    }

    /** The result DeepEnrich sends for the request {@code key} under {@code name}, its contacts in another order. */
    static EnrichmentResult resultOf(String key, String id, String name) {
        Map<String, Object> body = Map.of("id", id, "name", name, "status", "FINISHED", "datas", List.of(
                Map.of("custom", Map.of(), "contact", Map.of("firstname", "ALAN ", "lastname", "Turing")),
                Map.of("custom", Map.of("lead", key + "-1"), "contact", Map.of("firstname", "", "lastname", ""))));
        return DeepEnrichJson.fromMap(body, EnrichmentResult.class).withOutcomes();
    }

    @Test
    void listsTheRequestsWrittenOldestFirstUntilRemoved() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("b #2", 2));
        ledger.wire().write(onTheWire("a #1", 1));
        ledger.wire().write(onTheWire("b #2", 2)); // a retry writes it again

        assertEquals(List.of(onTheWire("a #1", 1), onTheWire("b #2", 2)), ledger.wire().inDoubt());
        ledger.wire().remove("a #1");
        ledger.wire().remove("never written");
        assertEquals(List.of(onTheWire("b #2", 2)), ledger.wire().inDoubt());
    }

    @Test
    void anAcceptedRequestBecomesPendingWithItsFingerprintAndLeavesTheWire() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("a #1", 0);
        ledger.wire().write(record);

        InDoubtRequests.accepted(ledger, record, "id-1", T0);

        assertTrue(ledger.wire().inDoubt().isEmpty());
        assertEquals(new PendingEnrichment("id-1", "a #1", T0, 2), ledger.find("id-1").orElseThrow());
        assertEquals("id-1", ledger.findSubmission("fp-a #1", T0).orElseThrow());
    }

    @Test
    void aResultWithAnIdTheLedgerDoesNotKnowIsAdoptedByTheRequestInDoubtOfItsName() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("a #1", 0));
        ledger.wire().write(onTheWire("b #2", 1));

        assertTrue(InDoubtRequests.adopt(ledger, resultOf("x", "id-b", "b #2")), "by its name");

        assertEquals("b #2", ledger.find("id-b").orElseThrow().name());
        assertEquals("id-b", ledger.findSubmission("fp-b #2", T0).orElseThrow(), "nothing sends it again");
        assertEquals(List.of(onTheWire("a #1", 0)), ledger.wire().inDoubt());
    }

    @Test
    void aResultWhoseNameMatchesNoRequestIsAdoptedByTheRequestOfItsContacts() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("a #1", 0));

        assertFalse(InDoubtRequests.adopt(ledger, resultOf("b", "id-b", "other")), "other contacts");
        assertTrue(InDoubtRequests.adopt(ledger, resultOf("a #1", "id-a", "renamed")));

        assertEquals("a #1", ledger.find("id-a").orElseThrow().name());
        assertTrue(ledger.wire().inDoubt().isEmpty());
    }

    @Test
    void anAnswerComingAfterItsResultTookTheRecordRecordsNothingAgain() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("a #1", 0);
        ledger.wire().write(record);
        assertTrue(InDoubtRequests.adopt(ledger, resultOf("x", "id-1", "a #1")));
        ledger.complete("id-1"); // emitted

        InDoubtRequests.accepted(ledger, record, "id-1", T0); // the POST's answer, late

        assertTrue(ledger.pending().isEmpty(), "not pending again: it would be emitted twice");
    }

    @Test
    void purgeForgetsTheRecordsWrittenBeforeTheGivenTime() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("a #1", 0));
        ledger.wire().write(onTheWire("b #2", 60));

        assertEquals(1, ledger.wire().purge(T0.plusSeconds(30)));
        assertEquals(List.of(onTheWire("b #2", 60)), ledger.wire().inDoubt());
    }
}
