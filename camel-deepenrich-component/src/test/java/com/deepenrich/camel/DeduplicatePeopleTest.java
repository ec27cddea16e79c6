package com.deepenrich.camel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.respelled;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person is enriched once at a time: the same person met again (in the same exchange, or in another exchange while
 * her request is in flight, however her LinkedIn URL or name is spelled) is not sent, and every contact that asked
 * for her is answered with her result, with its own custom fields, flagged deduplicated.
 */
class DeduplicatePeopleTest extends ResultsTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:bulk").to("deepenrich:bulk");
                from("direct:await").to("deepenrich:bulk?awaitResult=true&awaitPollInterval=20");
                from("direct:everyone").to("deepenrich:bulk?deduplicatePeople=false");
                from("direct:byCrmId").to("deepenrich:bulk?identityField=crm");
                from("deepenrich:results?delay=20&initialDelay=0").routeId("results").autoStartup(false)
                        .to("mock:results");
            }
        };
    }

    private static Contact onLinkedIn(int seq, String url) {
        return contact(seq).toBuilder().linkedinUrl(url).build();
    }

    private static Map<String, EnrichedContact> bySeq(List<EnrichedContact> contacts) {
        return contacts.stream().collect(Collectors.toMap(c -> c.getCustom().get("seq"), c -> c));
    }

    @Test
    void aPersonTwiceInOneAwaitedExchangeIsSentOnceAndBothAnsweredInInputOrder() {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, "FINISHED");

        Exchange out = template.request("direct:await",
                e -> e.getMessage().setBody(List.of(contact(0), contact(1), respelled(0, 2))));

        assertNull(out.getException());
        assertEquals(List.of(2), api.bulkSizes(), "the person sent once");
        List<EnrichedContact> contacts = out.getMessage().getBody(EnrichmentResult.class).getContacts();
        assertEquals(List.of("0", "1", "2"), contacts.stream().map(c -> c.getCustom().get("seq")).toList());
        assertFalse(contacts.get(0).isDeduplicated());
        assertTrue(contacts.get(2).isDeduplicated());
        assertEquals("id-0", contacts.get(2).getDeduplicatedFrom());
        assertEquals("first0.last0@example.com", contacts.get(2).getMostProbableEmail());
        assertEquals(ContactOutcome.FOUND, contacts.get(2).getOutcome());
        assertEquals(1, out.getMessage().getHeader(DeepEnrichConstants.DEDUPLICATED));
    }

    @Test
    void aPersonInFlightIsNotSentByAnotherExchangeAndTheResultsRouteAnswersBoth() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();

        SubmissionReceipt first = template.requestBody("direct:bulk", List.of(contact(0), contact(1)),
                SubmissionReceipt.class);
        SubmissionReceipt second = template.requestBody("direct:bulk", List.of(respelled(1, 2), contact(3)),
                SubmissionReceipt.class);
        JsonObject console = bulkEndpointInTheDevConsole();
        assertEquals(1L, console.getLong("contactsDeduplicated"));
        assertEquals(1, console.getInteger("contactsWaitingForTheirPerson"));
        EchoResults.stubEveryRequestReceived(api, "FINISHED");
        results().expectedMessageCount(2);
        context.getRouteController().startRoute("results");
        results().assertIsSatisfied();

        assertEquals(List.of(0, 1, 3), api.seqsReceived(), "the person in flight not sent again");
        assertEquals(2, first.getSubmitted());
        assertEquals(1, second.getSubmitted());
        assertEquals(1, second.getDeduplicated());
        assertEquals(second.getReceived(), second.getSubmitted() + second.getDeduplicated());
        assertEquals(List.of(1, 0), results().getExchanges().stream()
                .map(e -> e.getMessage().getHeader(DeepEnrichConstants.DEDUPLICATED, Integer.class))
                .sorted(Comparator.reverseOrder()).toList(),
                "header: one deduplicated contact in id-0's result");
        assertEquals(List.of(1L, 0L), results().getExchanges().stream()
                .map(e -> e.getMessage().getHeader(DeepEnrichConstants.CREDITS_AVOIDED, Long.class))
                .sorted(Comparator.reverseOrder()).toList(),
                "header: id-0's result saved the credit of her email for the deduplicated contact");
        Map<String, EnrichedContact> answered = bySeq(results().getExchanges().stream()
                .flatMap(e -> e.getMessage().getBody(EnrichmentResult.class).getContacts().stream()).toList());
        assertEquals(List.of("0", "1", "2", "3"), answered.keySet().stream().sorted().toList(),
                "every contact answered once");
        assertTrue(answered.get("2").isDeduplicated());
        assertEquals("first1.last1@example.com", answered.get("2").getMostProbableEmail());
        assertFalse(answered.get("1").isDeduplicated());
        DeepEnrichEndpoint bulk = context.getEndpoint("deepenrich:bulk", DeepEnrichEndpoint.class);
        assertEquals(1, bulk.getContactsDeduplicated());
        DeepEnrichEndpoint resultsEndpoint = (DeepEnrichEndpoint) context.getRoute("results").getEndpoint();
        await("her email found once, its credit not spent twice (counted once the route is done)")
                .until(() -> resultsEndpoint.getCreditsAvoided() == 1);
        await("no contact left waiting, no person held, once the route is done").until(
                () -> ledger().people().waiting().isEmpty() && ledger().people().holds().isEmpty());
    }

    private JsonObject bulkEndpointInTheDevConsole() {
        JsonObject json = (JsonObject) PluginHelper.getDevConsoleResolver(context).resolveDevConsole("deepenrich")
                .call(DevConsole.MediaType.JSON);
        return json.getCollection("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("uri").equals("deepenrich://bulk")).findFirst().orElseThrow();
    }

    @Test
    void linkedInUrlsSpelledDifferentlyAreOnePerson() {
        api.acceptBulkWithIdOfFirstSeq();

        SubmissionReceipt receipt = template.requestBody("direct:bulk", List.of(
                onLinkedIn(0, "https://www.linkedin.com/in/demoge/"),
                onLinkedIn(1, "http://linkedin.com/in/Demoge"),
                onLinkedIn(2, "https://WWW.LinkedIn.com/in/demoge?trk=profile#about"),
                onLinkedIn(3, "linkedin.com/in/demoge///"),
                onLinkedIn(4, "https://www.linkedin.com/in/someone-else/")), SubmissionReceipt.class);

        assertEquals(List.of(0, 4), api.seqsReceived());
        assertEquals(3, receipt.getDeduplicated());
    }

    @Test
    void aCustomIdentityFieldDecidesWhoIsWho() {
        api.acceptBulkWithIdOfFirstSeq();

        template.requestBody("direct:byCrmId", List.of(contact(0).toBuilder().custom("crm", "P-1").build(),
                contact(1).toBuilder().custom("crm", "P-1").build(), contact(2).toBuilder().custom("crm", "P-2")
                        .build()));

        assertEquals(List.of(0, 2), api.seqsReceived());
    }

    @Test
    void aRefusedRequestReportsItsDeduplicatedContactsUnsentAndHoldsNoOne() {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\": \"error.enrichment.data.empty\", \"message\": \"no\"}")));

        Exchange out = template.request("direct:bulk",
                e -> e.getMessage().setBody(List.of(contact(0), contact(1), respelled(0, 2))));

        DeepEnrichException failure = out.getException(DeepEnrichException.class);
        assertEquals(List.of("0", "1", "2"), failure.getProgress().unsubmittedContacts().stream()
                .map(c -> ((Contact) c).getCustom().get("seq")).sorted().toList());
        assertTrue(ledger().people().holds().isEmpty(), "the refused request holds no one");
        assertTrue(ledger().people().waiting().isEmpty(), "nothing waits for it");
    }

    @Test
    void switchedOffEveryContactIsSent() {
        api.acceptBulkWithIdOfFirstSeq();

        template.requestBody("direct:everyone", List.of(contact(0), respelled(0, 1)));

        assertEquals(List.of(0, 1), api.seqsReceived());
    }

    @Test
    void contactsWaitingForARequestThatRanOutOfCreditsAreAnsweredWithThatOutcomeAndTheirPersonIsSentAgain()
            throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        template.requestBody("direct:bulk", List.of(contact(0)));
        template.requestBody("direct:bulk", List.of(respelled(0, 1)));
        EchoResults.stubEveryRequestReceived(api, "CREDITS_INSUFFICIENT");
        results().expectedMessageCount(1);
        context.getRouteController().startRoute("results");
        results().assertIsSatisfied();

        Map<String, EnrichedContact> answered = bySeq(
                results().getExchanges().get(0).getMessage().getBody(EnrichmentResult.class).getContacts());
        assertEquals(ContactOutcome.CREDITS_INSUFFICIENT, answered.get("1").getOutcome());
        assertTrue(answered.get("1").isDeduplicated());

        template.requestBody("direct:bulk", List.of(respelled(0, 5)));
        assertEquals(List.of(0, 5), api.seqsReceived(), "after the top-up the person is sent again");
    }
}
