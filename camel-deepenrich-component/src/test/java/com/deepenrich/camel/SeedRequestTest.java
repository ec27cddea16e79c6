package com.deepenrich.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API documentation's own example, sent from a Contact and from a Map, must leave as the documented JSON. */
class SeedRequestTest extends CamelTestSupport {

    private final WireMockServer api = startApi();

    private static WireMockServer startApi() {
        WireMockServer s = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        s.start();
        return s;
    }

    @AfterEach
    void stopApi() {
        api.stop();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DeepEnrichComponent component = new DeepEnrichComponent();
        component.getConfiguration().setApiKey("seed-key");
        component.getConfiguration().setBaseUrl("http://127.0.0.1:" + api.port() + "/api/v1");
        context.addComponent("deepenrich", component);
        return context;
    }

    private String fixture(String name) throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void stubBulk() throws Exception {
        api.stubFor(post(urlEqualTo("/api/v1/contact/enrich/bulk"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fixture("bulk-response.json"))));
    }

    private static final String URI = "deepenrich:bulk?name=Sales Operations in London"
                                       + "&callbackUrl=https://example.com/webhook"
                                       + "&enrichFields=contact.emails,contact.phones";

    @Test
    void seedContactLeavesAsTheDocumentedJson() throws Exception {
        stubBulk();
        Contact john = Contact.builder().firstname("john").lastname("snow").domain("example.com")
                .companyName("example inc").linkedinUrl("https://www.linkedin.com/in/demoge/")
                .custom("user_id", "12584").build();

        SubmissionReceipt receipt = template.requestBody(URI, john, SubmissionReceipt.class);

        assertEquals(List.of("a1b2c3d4-5678-90ef-gh12-ijkl345678mn"), receipt.getEnrichmentIds());
        api.verify(1, postRequestedFor(urlEqualTo("/api/v1/contact/enrich/bulk"))
                .withHeader("Authorization", equalTo("Bearer seed-key"))
                .withRequestBody(equalToJson(fixture("bulk-request-seed.json"))));
    }

    @Test
    void seedMapWithNumericCustomLeavesAsTheDocumentedJson() throws Exception {
        stubBulk();
        Map<String, Object> john = Map.of("First Name", "john", "last_name", "snow", "domain", "example.com",
                "companyName", "example inc", "linkedin_url", "https://www.linkedin.com/in/demoge/",
                "user_id", 12584);

        var exchange = template.request(URI, e -> e.getMessage().setBody(john));

        assertEquals("a1b2c3d4-5678-90ef-gh12-ijkl345678mn",
                exchange.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        api.verify(1, postRequestedFor(urlEqualTo("/api/v1/contact/enrich/bulk"))
                .withRequestBody(equalToJson(fixture("bulk-request-seed.json"))));
    }
}
