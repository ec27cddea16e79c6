package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.client.AccountCredits;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.contacts;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The credits budget (reserve the worst case, settle on the result) and the memory of a 402. */
class CreditsGuardTest extends ProducerTestSupport {

    private static final String BUDGETED = "deepenrich:bulk?name=leads&creditsBudget=250&fingerprintWindow=0";

    private Exchange send(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    @Test
    void aRequestThatWouldPassTheBudgetIsNotSentAndItsContactsAreReportedInOrder() {
        api.acceptBulkWithIdOfFirstSeq();

        Exchange out = send(BUDGETED, contacts(0, 500)); // 1 credit at most per contact asking for emails

        DeepEnrichCreditsBudgetException over = assertInstanceOf(DeepEnrichCreditsBudgetException.class,
                out.getException());
        assertEquals("credits.budget", over.getCode());
        assertEquals(2, api.bulkRequests().size(), "200 credits reserved; the third request would need 300");
        assertEquals(List.of("id-0", "id-100"), over.getSubmittedIds());
        assertEquals(300, over.getUnsubmittedContacts().size());
        assertEquals(contact(200), over.getUnsubmittedContacts().get(0), "the unsent contacts, in order");
        assertEquals(200, over.getReserved());
    }

    @Test
    void theResultReleasesWhatItDidNotSpendAndSendingGoesOn() {
        api.acceptBulkWithIdOfFirstSeq();
        DeepEnrichEndpoint endpoint = context.getEndpoint(BUDGETED, DeepEnrichEndpoint.class);
        Exchange first = send(BUDGETED, contacts(0, 200));
        assertNull(first.getException());
        assertEquals(200L, first.getMessage().getHeader(DeepEnrichConstants.CREDITS_RESERVED));

        Exchange refused = send(BUDGETED, contacts(200, 100));
        assertInstanceOf(DeepEnrichCreditsBudgetException.class, refused.getException());

        // the first request's result: 30 of its 100 contacts found an email
        endpoint.resultEmitted(com.deepenrich.camel.model.DeepEnrichJson.fromMap(
                java.util.Map.of("id", "id-0", "status", "FINISHED", "cost", java.util.Map.of("credits", 30)),
                com.deepenrich.camel.model.EnrichmentResult.class), api.bulkRequestKeys().get(0));
        Exchange again = send(BUDGETED, contacts(200, 100));

        assertNull(again.getException(), "30 spent + 100 reserved + 100 fit in 250");
        assertEquals(30L, again.getMessage().getHeader(DeepEnrichConstants.CREDITS_SPENT));
        assertEquals(200L, again.getMessage().getHeader(DeepEnrichConstants.CREDITS_RESERVED));
        assertEquals(3, api.bulkRequests().size());
        SubmissionReceipt receipt = again.getMessage().getBody(SubmissionReceipt.class);
        assertEquals(receipt.getReceived(), receipt.getSubmitted() + receipt.getRejections().size());
    }

    @Test
    void aPhoneCostsTenAndAnEmailOneInTheWorstCase() {
        assertEquals(10, worstCaseOfOneContactFinding("contact.phones"));
        assertEquals(1, worstCaseOfOneContactFinding("contact.emails"));
        assertEquals(11, worstCaseOfOneContactFinding("contact.emails", "contact.phones"));
    }

    private static long worstCaseOfOneContactFinding(String... enrichFields) {
        return AccountCredits.worstCase(List.of(com.deepenrich.camel.model.Contact.builder()
                .firstname("A").lastname("B").domain("example.com").enrichFields(List.of(enrichFields)).build()));
    }

    @Test
    void afterA402FurtherSubmissionsFailFastWithoutARequest() {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error.credits.insufficient\", \"message\": \"Not enough credits\"}")));
        api.server.stubFor(get(urlEqualTo("/api/v1/account/credits")).willReturn(okJson("{\"balance\": 0}")));
        String uri = "deepenrich:bulk?name=leads";

        Exchange first = send(uri, contacts(0, 10));
        Exchange second = send(uri, contacts(10, 10));

        assertInstanceOf(DeepEnrichInsufficientCreditsException.class, first.getException());
        DeepEnrichInsufficientCreditsException remembered = assertInstanceOf(
                DeepEnrichInsufficientCreditsException.class, second.getException());
        assertEquals("credits.exhausted", remembered.getCode());
        assertTrue(remembered.getMessage().contains("answered 402"), remembered.getMessage());
        assertEquals(1, api.bulkRequests().size(), "the second exchange sent nothing");
        assertEquals(0, api.server.findAll(getRequestedFor(urlEqualTo("/api/v1/account/credits"))).size(),
                "the balance is not read again within a minute");
        assertEquals(List.of(contact(10)), remembered.getUnsubmittedContacts().subList(0, 1));
    }
}
