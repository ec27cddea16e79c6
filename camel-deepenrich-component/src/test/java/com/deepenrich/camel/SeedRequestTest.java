package com.deepenrich.camel;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.API_KEY;
import static com.deepenrich.camel.WireMockApi.BULK_PATH;
import static com.deepenrich.camel.WireMockApi.fixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API documentation's own example, sent from a Contact and from a Map, must leave as the documented JSON. */
class SeedRequestTest extends ProducerTestSupport {

    private static final String URI = "deepenrich:bulk?name=Sales Operations in London"
                                      + "&callbackUrl=https://example.com/webhook&callbackAuthentication=false"
                                      + "&enrichFields=contact.emails,contact.phones";

    /** The documented request, its name followed by the suffix that makes each request's name unique. */
    private static String documentedRequest() {
        return fixture("bulk-request-seed.json").replace("\"Sales Operations in London\"",
                "\"${json-unit.regex}Sales Operations in London #[0-9a-z]{8}\"");
    }

    private void stubBulk() {
        api.server.stubFor(post(urlEqualTo(BULK_PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bulk-response.json"))));
    }

    @Test
    void seedContactLeavesAsTheDocumentedJson() {
        stubBulk();
        Contact john = Contact.builder().firstname("john").lastname("snow").domain("example.com")
                .companyName("example inc").linkedinUrl("https://www.linkedin.com/in/demoge/")
                .custom("user_id", "12584").build();

        SubmissionReceipt receipt = template.requestBody(URI, john, SubmissionReceipt.class);

        Receipts.assertAccountsFor(1, receipt);
        assertEquals(List.of("a1b2c3d4-5678-90ef-gh12-ijkl345678mn"), receipt.getEnrichmentIds());
        api.server.verify(1, postRequestedFor(urlEqualTo(BULK_PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson(documentedRequest())));
    }

    @Test
    void seedMapWithNumericCustomLeavesAsTheDocumentedJson() {
        stubBulk();
        Map<String, Object> john = Map.of("First Name", "john", "last_name", "snow", "domain", "example.com",
                "companyName", "example inc", "linkedin_url", "https://www.linkedin.com/in/demoge/",
                "user_id", 12584);

        var exchange = template.request(URI, e -> e.getMessage().setBody(john));

        assertEquals("a1b2c3d4-5678-90ef-gh12-ijkl345678mn",
                exchange.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        api.server.verify(1, postRequestedFor(urlEqualTo(BULK_PATH))
                .withRequestBody(equalToJson(documentedRequest())));
    }
}
