package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guide's dead letters ({@link FailedRows}) on the bad days the guide names: a group refused with
 * invalidContacts=fail, an answer lost, a key refused, an account out of credits, a credits budget reached. Every row of the group is a dead
 * letter, in input order, with its reason.
 */
class FailedRowsTest extends ProducerTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                onException(DeepEnrichException.class).handled(true)
                        .setBody(method(FailedRows.class, "of"))
                        .to("mock:dead-letters");
                from("direct:group").toD("deepenrich:bulk?name=leads${header.options}");
            }
        };
    }

    /** A group as DeepEnrichAggregationStrategy holds it: rows L-0 to L-2 as read, L-1 without last name if asked. */
    private static List<Object> group(boolean secondInvalid) {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("first_name", "F" + i);
            row.put("last_name", secondInvalid && i == 1 ? "" : "L");
            row.put("domain", "example.com");
            row.put("lead_id", "L-" + i);
            rows.add(row);
        }
        return rows;
    }

    private List<FailedRows.FailedRow> deadLetters(List<Object> group, String options) {
        template.sendBodyAndHeader("direct:group", group, "options", options);
        MockEndpoint mock = getMockEndpoint("mock:dead-letters");
        assertEquals(1, mock.getReceivedCounter(), "the failure reached the dead letters");
        @SuppressWarnings("unchecked")
        List<FailedRows.FailedRow> letters = mock.getReceivedExchanges().get(0).getMessage().getBody(List.class);
        assertEquals(group, letters.stream().map(FailedRows.FailedRow::row).toList(), "every row, in input order");
        return letters;
    }

    @Test
    void aGroupRefusedWithInvalidContactsFailIsEveryRowTheInvalidWithTheirProblems() {
        List<FailedRows.FailedRow> letters = deadLetters(group(true), "");

        assertEquals("lastname is required", letters.get(1).reason());
        for (int valid : new int[]{0, 2}) {
            assertTrue(letters.get(valid).reason().contains("invalidContacts=skip would send the 2 valid ones"),
                    letters.get(valid).reason());
        }
        assertEquals(0, api.bulkRequests().size());
    }

    @Test
    void aGroupWhoseAnswerWasLostIsInDoubt() {
        api.server
                .stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        for (FailedRows.FailedRow letter : deadLetters(group(false), "")) {
            assertTrue(letter.reason().startsWith("in doubt, its result may still come: DeepEnrich request.in_doubt"),
                    letter.reason());
        }
    }

    @Test
    void aGroupWhoseKeyIsRefusedSaysSo() {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error.api.key\", \"message\": \"Unknown api key\"}")));

        for (FailedRows.FailedRow letter : deadLetters(group(false), "")) {
            assertTrue(letter.reason().startsWith("DeepEnrich error.api.key: Unknown api key (HTTP 401)"),
                    letter.reason());
        }
    }

    @Test
    void aGroupRefusedForWantOfCreditsSaysSo() {
        api.server.stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error.credits.insufficient\", \"message\": \"Not enough credits\"}")));

        for (FailedRows.FailedRow letter : deadLetters(group(false), "")) {
            assertTrue(
                    letter.reason().startsWith("DeepEnrich error.credits.insufficient: Not enough credits (HTTP 402)"),
                    letter.reason());
        }
    }

    @Test
    void aGroupOverTheCreditsBudgetIsNotSent() {
        for (FailedRows.FailedRow letter : deadLetters(group(false), "&creditsBudget=2")) {
            assertTrue(letter.reason().startsWith("DeepEnrich credits.budget: "), letter.reason());
        }
        assertEquals(0, api.bulkRequests().size());
    }
}
