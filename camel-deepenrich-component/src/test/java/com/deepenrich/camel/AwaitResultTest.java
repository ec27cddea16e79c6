package com.deepenrich.camel;

import java.util.List;
import java.util.stream.IntStream;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bulk?awaitResult=true}: the exchange completes with every request's result merged in input order. */
class AwaitResultTest extends ResultsTestSupport {

    private static final String AWAIT = "deepenrich:bulk?awaitResult=true&awaitPollInterval=20";

    /** The FINISHED result of the request holding contacts {@code from} .. {@code from + count - 1}, all found. */
    private static String finishedChunk(String id, int from, int count, long credits) {
        ObjectNode result = DeepEnrichJson.mapper().createObjectNode()
                .put("id", id).put("name", "chunk of " + from).put("status", "FINISHED");
        result.putObject("cost").put("credits", credits);
        ArrayNode datas = result.putArray("datas");
        for (int seq = from; seq < from + count; seq++) {
            ObjectNode item = datas.addObject();
            item.putObject("custom").put("seq", String.valueOf(seq));
            item.putObject("contact").put("most_probable_email", "first" + seq + "@example.com");
        }
        return result.toString();
    }

    private void finishesAfterOneRunningAnswer(String id, int from, int count, long credits) {
        ResultStubs.answerInTurn(api, id, ok(running(id, "IN_PROGRESS")), ok(finishedChunk(id, from, count, credits)));
    }

    private Exchange await(String uri, int contacts) {
        return template.request(uri, e -> e.getMessage().setBody(WireMockApi.contacts(0, contacts)));
    }

    @Test
    void twoHundredFiftyContactsComeBackAsOneResultInInputOrder() {
        api.acceptBulkWithIdOfFirstSeq();
        finishesAfterOneRunningAnswer("id-0", 0, 100, 7);
        finishesAfterOneRunningAnswer("id-100", 100, 100, 11);
        finishesAfterOneRunningAnswer("id-200", 200, 50, 13);

        Exchange out = await(AWAIT, 250);

        assertNull(out.getException());
        EnrichmentResult merged = assertInstanceOf(EnrichmentResult.class, out.getMessage().getBody());
        assertEquals(IntStream.range(0, 250).mapToObj(String::valueOf).toList(),
                merged.getContacts().stream().map(c -> c.getCustom().get("seq")).toList());
        assertEquals(250, merged.count(ContactOutcome.FOUND));
        assertEquals(7 + 11 + 13, merged.getCredits());
        assertEquals(EnrichmentStatus.FINISHED, merged.getStatus());
        assertEquals(List.of("id-0", "id-100", "id-200"),
                out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_IDS));
        for (String id : List.of("id-0", "id-100", "id-200")) {
            assertEquals(2, ResultStubs.reads(api, id), id);
            assertTrue(ledger().find(id).isEmpty(), id + " delivered, so no longer pending");
        }
    }

    @Test
    void aJobThatDoesNotFinishInTimeFailsNamingItsIdAndStaysPending() {
        api.acceptBulkWithIdOfFirstSeq();
        finishesAfterOneRunningAnswer("id-0", 0, 100, 7);
        ResultStubs.answerInTurn(api, "id-100", ok(running("id-100", "IN_PROGRESS")));

        Exchange out = await(AWAIT + "&awaitTimeout=300", 150);

        DeepEnrichTimeoutException timeout = assertInstanceOf(DeepEnrichTimeoutException.class, out.getException());
        assertEquals(List.of("id-100"), timeout.getPendingIds());
        assertTrue(timeout.getMessage().contains("id-100"), timeout.getMessage());
        assertTrue(ledger().find("id-100").isPresent(), "a results consumer still emits it when it finishes");
        assertTrue(ledger().find("id-0").isPresent(), "its result reached no one either");
    }
}
