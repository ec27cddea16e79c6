package com.deepenrich.camel.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ledger's wire store must do; a small test class per ledger kind extends this. */
abstract class WireRecordsContract {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofHours(1);

    /** A fresh, empty ledger. */
    abstract DeepEnrichLedger ledger() throws Exception;

    /** The request of key {@code key}, named {@code job #<key>}. */
    static WireRecord onTheWire(String key, int secondsAfterT0) {
        return new WireRecord(key, "job #" + key, "fp-" + key, WINDOW, T0.plusSeconds(secondsAfterT0), 2,
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
        ledger.wire().write(onTheWire("bbbbbbb2", 2));
        ledger.wire().write(onTheWire("aaaaaaa1", 1));
        ledger.wire().write(onTheWire("bbbbbbb2", 2)); // a retry writes it again

        assertEquals(List.of(onTheWire("aaaaaaa1", 1), onTheWire("bbbbbbb2", 2)), ledger.wire().records());
        ledger.wire().remove("aaaaaaa1");
        ledger.wire().remove("never written");
        assertEquals(List.of(onTheWire("bbbbbbb2", 2)), ledger.wire().records());
    }

    @Test
    void aRequestOnTheWireIsInDoubtOnceMarkedUntilWrittenAgain() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("aaaaaaa1", 0));
        ledger.wire().write(onTheWire("bbbbbbb2", 1));
        assertEquals(List.of(), ledger.wire().inDoubt(), "its answer may still come");

        ledger.wire().markInDoubt("aaaaaaa1");
        ledger.wire().markInDoubt("never written");

        assertEquals(List.of(onTheWire("aaaaaaa1", 0)), ledger.wire().inDoubt());
        ledger.wire().write(onTheWire("aaaaaaa1", 0)); // sent again (retryInDoubtSubmissions)
        assertEquals(List.of(), ledger.wire().inDoubt());
    }

    @Test
    void anAcceptedRequestBecomesPendingWithItsFingerprintAndLeavesTheWire() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("aaaaaaa1", 0);
        ledger.wire().write(record);

        InDoubtRequests.accepted(ledger, record, "id-1", T0);

        assertTrue(ledger.wire().records().isEmpty());
        assertEquals(new PendingEnrichment("id-1", "job #aaaaaaa1", T0, 2), ledger.find("id-1").orElseThrow());
        assertEquals("id-1", ledger.findSubmission("fp-aaaaaaa1", T0).orElseThrow());
    }

    @Test
    void aResultWithAnIdTheLedgerDoesNotKnowIsAdoptedByTheRequestOfItsKey() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("aaaaaaa1", 0));
        ledger.wire().write(onTheWire("bbbbbbb2", 1));
        ledger.wire().markInDoubt("bbbbbbb2");

        assertEquals(Optional.of(onTheWire("bbbbbbb2", 1)),
                InDoubtRequests.adopt(ledger, resultOf("x", "id-b", "renamed #bbbbbbb2")), "by its key");

        assertEquals("job #bbbbbbb2", ledger.find("id-b").orElseThrow().name());
        assertEquals("id-b", ledger.findSubmission("fp-bbbbbbb2", T0).orElseThrow(), "nothing sends it again");
        assertEquals(List.of(onTheWire("aaaaaaa1", 0)), ledger.wire().records());
    }

    @Test
    void aResultWhoseNameCarriesNoKeyOfARequestIsAdoptedByTheRequestOfItsContacts() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("aaaaaaa1", 0));

        assertEquals(Optional.empty(), InDoubtRequests.adopt(ledger, resultOf("b", "id-b", "other")), "other contacts");
        assertEquals(Optional.of(onTheWire("aaaaaaa1", 0)),
                InDoubtRequests.adopt(ledger, resultOf("aaaaaaa1", "id-a", "renamed #zzzzzzz9")));

        assertEquals("job #aaaaaaa1", ledger.find("id-a").orElseThrow().name());
        assertTrue(ledger.wire().records().isEmpty());
    }

    @Test
    void aMatchByContactsIsTheOldestRequestWithThem() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord younger = onTheWire("aaaaaaa1", 5);
        WireRecord older = new WireRecord("bbbbbbb2", "job #bbbbbbb2", "fp-b", WINDOW, T0, 2,
                younger.contactsDigest());
        ledger.wire().write(younger);
        ledger.wire().write(older);

        assertEquals(Optional.of(older), ledger.wire().match(null, younger.contactsDigest()));
        assertEquals(Optional.of(younger), ledger.wire().match("aaaaaaa1", younger.contactsDigest()));
    }

    @Test
    void anAnswerComingAfterItsResultTookTheRecordRecordsNothingAgain() throws Exception {
        DeepEnrichLedger ledger = ledger();
        WireRecord record = onTheWire("aaaaaaa1", 0);
        ledger.wire().write(record);
        assertTrue(InDoubtRequests.adopt(ledger, resultOf("x", "id-1", "job #aaaaaaa1")).isPresent());
        ledger.complete("id-1"); // emitted

        InDoubtRequests.accepted(ledger, record, "id-1", T0); // the POST's answer, late

        assertTrue(ledger.pending().isEmpty(), "not pending again: it would be emitted twice");
    }

    @Test
    void purgeForgetsTheRecordsWrittenBeforeTheGivenTime() throws Exception {
        DeepEnrichLedger ledger = ledger();
        ledger.wire().write(onTheWire("aaaaaaa1", 0));
        ledger.wire().write(onTheWire("bbbbbbb2", 60));

        assertEquals(1, ledger.wire().purge(T0.plusSeconds(30)));
        assertEquals(List.of(onTheWire("bbbbbbb2", 60)), ledger.wire().records());
    }
}
