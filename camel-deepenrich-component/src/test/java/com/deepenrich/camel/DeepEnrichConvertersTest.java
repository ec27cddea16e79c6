package com.deepenrich.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverter;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.fixture;
import static com.deepenrich.camel.WireMockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated converter loader is found by Camel and converts the model to and from JSON and Map. */
class DeepEnrichConvertersTest extends CamelTestSupport {

    private TypeConverter converter() {
        return context.getTypeConverter();
    }

    /** The FINISHED fixture with fields the model does not know, at every level. */
    private static String finishedWithUnknownFields() throws Exception {
        ObjectNode root = (ObjectNode) json(fixture("result-finished.json"));
        root.put("created_at", "2025-11-03T10:00:00Z");
        ObjectNode item = (ObjectNode) root.get("datas").get(0);
        item.put("enrichment_score", 0.97);
        ObjectNode contact = (ObjectNode) item.get("contact");
        contact.putObject("seniority").put("level", "head");
        ((ObjectNode) contact.get("emails").get(0)).put("source", "pattern");
        ((ObjectNode) contact.get("phones").get(0)).put("line_type", "mobile");
        return root.toString();
    }

    @Test
    void resultFromJsonKeepsUnknownFieldsAndWritesThemBack() throws Exception {
        String text = finishedWithUnknownFields();

        EnrichmentResult result = converter().mandatoryConvertTo(EnrichmentResult.class, text);
        EnrichedContact john = result.getContacts().get(0);
        assertEquals(EnrichmentStatus.FINISHED, result.getStatus());
        assertEquals(ContactOutcome.FOUND, john.getOutcome());
        assertEquals("john.snow@example.com", john.getMostProbableEmail());
        assertEquals(Map.of("level", "head"), john.getContact().getOtherFields().get("seniority"));

        JsonNode written = json(converter().mandatoryConvertTo(String.class, result));
        assertEquals("FOUND", written.get("datas").get(0).get("outcome").asText());
        ((ObjectNode) written.get("datas").get(0)).remove("outcome");
        assertEquals(json(text), written,
                "every field read, known or not, is written back");
    }

    @Test
    void resultFromBytesAndFromMapCarriesOutcomes() throws Exception {
        byte[] insufficient = fixture("result-credits-insufficient.json").getBytes(StandardCharsets.UTF_8);

        EnrichmentResult fromBytes = converter().mandatoryConvertTo(EnrichmentResult.class, insufficient);
        assertEquals(ContactOutcome.CREDITS_INSUFFICIENT, fromBytes.getContacts().get(0).getOutcome());

        Map<?, ?> asMap = converter().mandatoryConvertTo(Map.class, fromBytes);
        assertEquals("CREDITS_INSUFFICIENT", asMap.get("status"));
        EnrichmentResult fromMap = converter().mandatoryConvertTo(EnrichmentResult.class, asMap);
        assertEquals(ContactOutcome.CREDITS_INSUFFICIENT, fromMap.getContacts().get(0).getOutcome());
        assertEquals(Map.of("user_id", "12584"), fromMap.getContacts().get(0).getCustom());
    }

    @Test
    void enrichedContactToJsonAndMap() throws Exception {
        EnrichmentResult result = converter().mandatoryConvertTo(EnrichmentResult.class,
                fixture("result-finished.json"));
        EnrichedContact john = result.getContacts().get(0);

        Map<?, ?> map = converter().mandatoryConvertTo(Map.class, john);
        assertEquals(Map.of("user_id", "12584"), map.get("custom"));
        assertEquals("FOUND", map.get("outcome"));
        String text = converter().mandatoryConvertTo(String.class, john);
        assertEquals("+44 20 7946 0000", json(text).at("/contact/most_probable_phone").asText());
    }

    @Test
    void contactToJsonAndMapUsesTheApiFieldNames() throws Exception {
        Contact john = Contact.builder().firstname("john").lastname("snow").companyName("example inc")
                .custom("user_id", 12584).build();

        assertEquals("{\"firstname\":\"john\",\"lastname\":\"snow\",\"company_name\":\"example inc\","
                     + "\"custom\":{\"user_id\":\"12584\"}}",
                converter().mandatoryConvertTo(String.class, john));
        assertEquals(Map.of("firstname", "john", "lastname", "snow", "company_name", "example inc",
                "custom", Map.of("user_id", "12584")), converter().mandatoryConvertTo(Map.class, john));
    }

    @Test
    void contactFromMapOrJsonMatchesKeysLeniently() throws Exception {
        Contact expected = Contact.builder().firstname("john").lastname("snow").domain("example.com")
                .custom("lead_id", "42").build();
        String json = "{\"First Name\":\"john\",\"last_name\":\"snow\",\"website\":\"example.com\",\"lead_id\":42}";

        assertEquals(expected, converter().mandatoryConvertTo(Contact.class,
                Map.of("firstName", "john", "Last Name", "snow", "domain", "example.com", "lead_id", 42)));
        assertEquals(expected, converter().mandatoryConvertTo(Contact.class, json));
        assertEquals(expected, converter().mandatoryConvertTo(Contact.class, json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void contactFromMapWithNestedCustomValueIsRefused() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> converter().mandatoryConvertTo(Contact.class,
                        Map.of("firstname", "john", "address", Map.of("city", "London"))));
        assertTrue(e.getCause().getMessage().contains("custom.address"), e.getCause().getMessage());
    }

    @Test
    void receiptToJsonAndMap() throws Exception {
        SubmissionReceipt receipt = new SubmissionReceipt("leads", List.of("id-1", "id-2"), 3, 2,
                List.of(new Rejection(1, List.of(new Rejection.Problem("lastname", "lastname is required"),
                        new Rejection.Problem("domain", "company_name or domain is required")),
                        Map.of("firstname", "ann"))));
        Receipts.assertAccountsFor(3, receipt);

        Map<?, ?> map = converter().mandatoryConvertTo(Map.class, receipt);
        assertEquals(List.of("id-1", "id-2"), map.get("enrichmentIds"));
        assertEquals(3, map.get("received"));
        assertEquals(2, map.get("submitted"));
        JsonNode written = json(converter().mandatoryConvertTo(String.class, receipt));
        assertEquals("lastname", written.at("/rejected/0/field").asText());
        assertEquals("lastname is required; company_name or domain is required",
                written.at("/rejected/0/reason").asText());
        assertEquals("domain", written.at("/rejected/0/problems/1/field").asText());
        assertEquals("ann", written.at("/rejected/0/contact/firstname").asText());
    }
}
