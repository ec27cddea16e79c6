package com.deepenrich.camel;

import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test against the real DeepEnrich API, run only with {@code DEEPENRICH_API_KEY} set (it spends one contact's
 * credits); {@code DEEPENRICH_BASE_URL} overrides the API's address. Without the key JUnit skips the class before
 * a Camel context exists, so nothing is contacted. Run it with
 * {@code mvn -B -ntp -pl camel-deepenrich-component verify -Dtest=DeepEnrichRealApiIT}.
 */
@EnabledIfEnvironmentVariable(named = "DEEPENRICH_API_KEY", matches = ".+")
@Timeout(360)
class DeepEnrichRealApiIT extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DeepEnrichComponent component = new DeepEnrichComponent();
        component.getConfiguration().setApiKey(System.getenv("DEEPENRICH_API_KEY"));
        String baseUrl = System.getenv("DEEPENRICH_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            component.getConfiguration().setBaseUrl(baseUrl);
        }
        context.addComponent("deepenrich", component);
        return context;
    }

    @Test
    void verifyKeyAnswersTheWorkspace() {
        Exchange out = template.request("deepenrich:verifyKey", e -> {});

        assertNull(out.getException());
        assertFalse(out.getMessage().getBody(String.class).isBlank(), "the key's workspace id");
    }

    @Test
    void getCreditsReadsTheBalance() {
        Exchange out = template.request("deepenrich:getCredits", e -> {});

        assertNull(out.getException());
        assertTrue(out.getMessage().getBody(Long.class) >= 0, "the account's credits");
    }

    @Test
    void oneContactBulkAwaitsItsFinalResult() {
        Map<String, String> contact = Map.of("first_name", "Satya", "last_name", "Nadella",
                "domain", "microsoft.com", "lead_id", "smoke-1");

        Exchange out = template.request("deepenrich:bulk?enrichFields=contact.emails&awaitResult=true"
                                        + "&awaitPollInterval=5s&awaitTimeout=5m&name=camel-deepenrich-smoke",
                e -> e.getMessage().setBody(List.of(contact)));

        assertNull(out.getException());
        List<?> ids = out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_IDS, List.class);
        assertEquals(1, ids.size(), "one request for one contact");
        EnrichmentResult result = out.getMessage().getBody(EnrichmentResult.class);
        assertTrue(result.getStatus().isFinal(), "awaitResult ends on a final status: " + result.getStatus());
        assertEquals(1, result.getContacts().size(), result.toString());
        EnrichedContact enriched = result.getContacts().get(0);
        assertEquals("smoke-1", enriched.getCustom().get("lead_id"), "custom fields come back");
        assertNotNull(enriched.getOutcome(), "the contact's outcome");
    }
}
