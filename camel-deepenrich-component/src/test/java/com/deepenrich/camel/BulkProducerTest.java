package com.deepenrich.camel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.Rejection.Problem;
import com.deepenrich.camel.model.RequestNames;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.deepenrich.camel.Receipts.receiptOf;
import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.contacts;
import static com.deepenrich.camel.WireMockApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What bulk reads from each kind of body, what it sends, and what it refuses before sending. */
class BulkProducerTest extends ProducerTestSupport {

    private static final String BULK = "deepenrich:bulk?name=leads";

    private Exchange send(String uri, Object body) {
        api.acceptBulkWithIdOfFirstSeq();
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    /** Contacts {@code seq} 0 and 1 as bulk sends them (the endpoint's enrich fields filled in). */
    private static JsonNode firstTwoAsSent() throws Exception {
        return json("[{\"firstname\":\"First0\",\"lastname\":\"Last0\",\"domain\":\"example.com\","
                    + "\"enrich_fields\":[\"contact.emails\"],\"custom\":{\"seq\":\"0\"}},"
                    + "{\"firstname\":\"First1\",\"lastname\":\"Last1\",\"domain\":\"example.com\","
                    + "\"enrich_fields\":[\"contact.emails\"],\"custom\":{\"seq\":\"1\"}}]");
    }

    private static Map<String, Object> asMap(Contact c) {
        return DeepEnrichJson.toMap(c);
    }

    static Stream<Arguments> bodiesOfTwoContacts() {
        String array = DeepEnrichJson.writeString(contacts(0, 2));
        String datas = "{\"name\":\"ignored\",\"datas\":" + array + "}";
        return Stream.of(
                Arguments.of("List<Contact>", contacts(0, 2)),
                Arguments.of("List<Map>", contacts(0, 2).stream().map(BulkProducerTest::asMap).toList()),
                Arguments.of("Contact[]", contacts(0, 2).toArray(Contact[]::new)),
                Arguments.of("Iterator", contacts(0, 2).iterator()),
                Arguments.of("JSON String array", array),
                Arguments.of("JSON String object with datas", datas),
                Arguments.of("byte[]", array.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("InputStream", new ByteArrayInputStream(datas.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesOfTwoContacts")
    void everyAcceptedBodyOfTwoContactsLeavesAsTheSameRequest(String kind, Object body) throws Exception {
        Exchange out = send(BULK, body);

        assertEquals(null, out.getException());
        receiptOf(out, 2);
        assertEquals(List.of(firstTwoAsSent()), api.bulkContacts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleContactBodies")
    void aSingleContactOrMapIsOneContact(String kind, Object body) throws Exception {
        Exchange out = send(BULK, body);

        assertEquals(null, out.getException());
        receiptOf(out, 1);
        assertEquals(List.of(json("[" + firstTwoAsSent().get(0) + "]")), api.bulkContacts());
    }

    static Stream<Arguments> singleContactBodies() {
        return Stream.of(Arguments.of("Contact", contact(0)), Arguments.of("Map", asMap(contact(0))));
    }

    @Test
    void aFileBodyIsReadThroughCamelsTypeConverters(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("contacts.json");
        Files.writeString(file, DeepEnrichJson.writeString(contacts(0, 2)));

        Exchange out = send(BULK, file.toFile());

        assertEquals(null, out.getException());
        receiptOf(out, 2);
        assertEquals(List.of(firstTwoAsSent()), api.bulkContacts());
    }

    @Test
    void aNullCustomValueIsLeftOut() throws Exception {
        Contact withNull = contact(0).toBuilder().custom("empty", null).build();
        Map<String, Object> fromJson = DeepEnrichJson.mapper().readValue(
                "{\"firstname\":\"First1\",\"lastname\":\"Last1\",\"domain\":\"example.com\","
                                                                         + "\"custom\":{\"seq\":\"1\",\"empty\":null}}",
                Map.class);

        Exchange out = send(BULK, List.of(withNull, DeepEnrichJson.fromMap(fromJson, Contact.class)));

        assertEquals(null, out.getException());
        receiptOf(out, 2);
        assertEquals(List.of(firstTwoAsSent()), api.bulkContacts());
    }

    @Test
    void numericCustomValuesAreSentAsStrings() {
        Map<String, Object> lead = new LinkedHashMap<>(Map.of("firstname", "Ann", "lastname", "Lee",
                "domain", "acme.com"));
        lead.put("custom", Map.of("lead_id", 42, "score", 3.5));
        lead.put("row", 7L);

        receiptOf(send(BULK, List.of(lead)), 1);

        JsonNode custom = api.bulkContacts().get(0).get(0).get("custom");
        assertEquals(3, custom.size());
        custom.forEach(v -> assertTrue(v.isTextual(), custom + " has a value that is not a string"));
        assertEquals("42", custom.get("lead_id").asText());
        assertEquals("3.5", custom.get("score").asText());
        assertEquals("7", custom.get("row").asText());
    }

    @Test
    void lenientKeysAreMatchedAndOtherKeysBecomeCustom() throws Exception {
        List<Map<String, Object>> rows = List.of(
                Map.of("First Name", "Ann", "Last Name", "Lee", "company", "Acme", "website",
                        "https://www.acme.com/about", "lead_id", "L1"),
                Map.of("first_name", "Bob", "lastname", "Ray", "Company Name", "Beta Ltd", "crm", 7),
                Map.of("firstName", "Cy", "LAST_NAME", "Ng", "domain", "gamma.io", "custom", Map.of("x", "1"),
                        "region", "EU"),
                Map.of("FirstName", "Di", "last-name", "Oh", "companyName", "Delta", "linkedin",
                        "https://www.linkedin.com/in/di-oh/"));

        receiptOf(send(BULK, rows), 4);

        JsonNode expected = json("["
                                 + "{\"firstname\":\"Ann\",\"lastname\":\"Lee\",\"domain\":\"acme.com\","
                                 + "\"company_name\":\"Acme\","
                                 + "\"enrich_fields\":[\"contact.emails\"],\"custom\":{\"lead_id\":\"L1\"}},"
                                 + "{\"firstname\":\"Bob\",\"lastname\":\"Ray\",\"company_name\":\"Beta Ltd\","
                                 + "\"enrich_fields\":[\"contact.emails\"],\"custom\":{\"crm\":\"7\"}},"
                                 + "{\"firstname\":\"Cy\",\"lastname\":\"Ng\",\"domain\":\"gamma.io\","
                                 + "\"enrich_fields\":[\"contact.emails\"],\"custom\":{\"x\":\"1\",\"region\":\"EU\"}},"
                                 + "{\"firstname\":\"Di\",\"lastname\":\"Oh\",\"company_name\":\"Delta\","
                                 + "\"linkedin_url\":\"https://www.linkedin.com/in/di-oh/\","
                                 + "\"enrich_fields\":[\"contact.emails\"]}]");
        assertEquals(expected, api.bulkContacts().get(0));
    }

    @Test
    void elevenCustomKeysFailNamingTheContactAndFieldAndSendNothing() {
        Contact.Builder tooMany = contact(1).toBuilder();
        IntStream.range(0, 10).forEach(i -> tooMany.custom("k" + i, i));

        Exchange out = send(BULK, List.of(contact(0), tooMany.build()));

        DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class, out.getException());
        Rejection r = e.getRejections().get(0);
        assertEquals(1, e.getRejections().size());
        assertEquals(1, r.getIndex());
        assertEquals("custom", r.getField());
        assertTrue(e.getMessage().contains("1 of 2 contacts are invalid"), e.getMessage());
        assertTrue(e.getMessage().contains("contact 2 (index 1) custom: has 11 keys"), e.getMessage());
        assertEquals(0, api.bulkRequests().size());
    }

    /** Contacts 1 and 2 have two problems each (contact 2 in the map's shape), 0 and 3 are valid. */
    private static List<Object> twoContactsWithTwoProblemsEach() {
        Contact noNames = contact(1).toBuilder().firstname(null).lastname(" ").build();
        Map<String, Object> badShape = new LinkedHashMap<>(asMap(contact(2)));
        badShape.put("firstname", List.of("Ann", "Bo"));
        badShape.put("custom", Map.of("seq", Map.of("nested", "2")));
        return List.of(contact(0), noNames, badShape, contact(3));
    }

    @Test
    void skipListsAContactWithTwoProblemsOnceWithBothReasons() {
        Exchange out = send(BULK + "&invalidContacts=skip", twoContactsWithTwoProblemsEach());

        assertEquals(null, out.getException());
        SubmissionReceipt receipt = receiptOf(out, 4);
        assertEquals(2, receipt.getSubmitted());
        List<Rejection> rejected = receipt.getRejections();
        assertEquals(List.of(1, 2), rejected.stream().map(Rejection::getIndex).toList());
        assertEquals(List.of(new Problem("firstname", "firstname is required"),
                new Problem("lastname", "lastname is required")), rejected.get(0).getProblems());
        assertEquals("firstname", rejected.get(0).getField());
        assertEquals("firstname is required; lastname is required", rejected.get(0).getReason());
        assertEquals(List.of("firstname", "custom.seq"),
                rejected.get(1).getProblems().stream().map(Problem::field).toList());
        assertEquals(rejected, out.getMessage().getHeader(DeepEnrichConstants.REJECTED));
        assertEquals(List.of(0, 3), api.seqsReceived());
    }

    @Test
    void failCountsTheInvalidContactsNotTheirProblems() {
        Exchange out = send(BULK, twoContactsWithTwoProblemsEach());

        DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class, out.getException());
        assertEquals(List.of(1, 2), e.getRejections().stream().map(Rejection::getIndex).toList());
        assertTrue(e.getMessage().contains("2 of 4 contacts are invalid"), e.getMessage());
        assertTrue(e.getMessage().contains(
                "contact 2 (index 1) firstname: firstname is required; lastname: lastname is required"),
                e.getMessage());
        assertEquals(0, api.bulkRequests().size());
    }

    @Test
    void failSaysWhatInvalidContactsSkipWouldDoAndListsTheValidContactsAsUnsubmitted() {
        List<Object> received = twoContactsWithTwoProblemsEach();

        Exchange out = send(BULK, received);

        DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class, out.getException());
        assertTrue(e.getMessage().contains("2 of 4 contacts are invalid, nothing was sent (invalidContacts=fail; "
                                           + "invalidContacts=skip would send the 2 valid ones and list the invalid "
                                           + "in header CamelDeepEnrichRejected): contact 2"),
                e.getMessage());
        assertEquals(List.of(received.get(0), received.get(3)), e.getUnsubmittedContacts(),
                "the valid contacts, not sent either, in input order");
        assertEquals(e.getRejections(), e.getProgress().rejections());
    }

    @Test
    void whenEveryContactIsInvalidSkipIsNotSuggested() {
        Exchange out = send(BULK + "&invalidContacts=skip", List.of(contact(0).toBuilder().lastname(null).build()));

        DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class, out.getException());
        assertTrue(e.getMessage().startsWith("DeepEnrich invalid.contacts: 1 of 1 contacts are invalid, nothing was "
                                             + "sent: contact 1"),
                e.getMessage());
        assertEquals(List.of(), e.getUnsubmittedContacts());
    }

    @Test
    void skipSendsTheValidContactsAndListsTheRejectedOnes() {
        Contact noLastname = contact(1).toBuilder().lastname(" ").build();
        Contact noCompany = contact(3).toBuilder().domain(null).build();
        List<Contact> received = List.of(contact(0), noLastname, contact(2), noCompany, contact(4));

        Exchange out = send(BULK + "&invalidContacts=skip", received);

        assertEquals(null, out.getException());
        SubmissionReceipt receipt = receiptOf(out, 5);
        @SuppressWarnings("unchecked")
        List<Rejection> rejected = out.getMessage().getHeader(DeepEnrichConstants.REJECTED, List.class);
        assertEquals(List.of(1, 3), rejected.stream().map(Rejection::getIndex).toList());
        assertEquals(List.of("lastname", "domain"), rejected.stream().map(Rejection::getField).toList());
        assertEquals(noLastname, rejected.get(0).getContact());
        assertEquals(rejected, receipt.getRejections());
        assertEquals(3, receipt.getSubmitted());
        assertEquals(List.of(0, 2, 4), api.seqsReceived());
    }

    @Test
    void twoHundredFiftyContactsLeaveAsThreeRequestsInInputOrder() {
        Exchange out = send(BULK, contacts(0, 250));

        assertEquals(null, out.getException());
        assertEquals(List.of(100, 100, 50), api.bulkContacts().stream().map(JsonNode::size).toList());
        assertEquals(IntStream.range(0, 250).boxed().toList(), api.seqsReceived());
        List<String> ids = List.of("id-0", "id-100", "id-200");
        assertEquals(ids, out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_IDS));
        assertEquals("id-0", out.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        SubmissionReceipt receipt = receiptOf(out, 250);
        assertEquals(ids, receipt.getEnrichmentIds());
        assertEquals(250, receipt.getSubmitted());
        List<String> names = api.bulkRequests().stream().map(r -> json(r).get("name").asText()).toList();
        assertEquals(List.of("leads [1/3]", "leads [2/3]", "leads [3/3]"),
                names.stream().map(RequestNames::userName).toList());
        assertTrue(names.stream().allMatch(n -> n.matches(".* #[0-9a-z]{8}")), "unique: " + names);
    }

    @Test
    void anAcceptedIdTheLedgerCannotRecordIsReportedAsSubmittedAndNothingMoreIsSent() {
        context.getRegistry().bind("refusingLedger", new InMemoryDeepEnrichLedger() {

            @Override
            public void record(PendingEnrichment pending) {
                throw new IllegalStateException("disk full");
            }
        });

        Exchange out = send(BULK + "&ledger=#refusingLedger", contacts(0, 150));

        DeepEnrichException e = assertInstanceOf(DeepEnrichException.class, out.getException());
        assertTrue(e.getMessage().contains("id-0") && e.getMessage().contains("disk full"), e.getMessage());
        assertEquals(List.of("id-0"), e.getSubmittedIds());
        assertEquals(50, e.getUnsubmittedContacts().size());
        assertEquals(1, api.bulkRequests().size());
    }

    static Stream<Arguments> bodiesWithNoContacts() {
        return Stream.of(
                Arguments.of("empty list", List.of(), "holds no contacts"),
                Arguments.of("null", null, "body is null"),
                Arguments.of("blank string", "  \n", "empty string"),
                Arguments.of("empty JSON array", "[]", "holds no contacts"),
                Arguments.of("invalid JSON", "{\"firstname\": \"ann\",", "not valid JSON"),
                Arguments.of("unreadable type", 42, "cannot read contacts from a body of type java.lang.Integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesWithNoContacts")
    void aBodyWithNoContactsFailsClearlyAndSendsNothing(String kind, Object body, String why) {
        Exchange out = send(BULK, body);

        DeepEnrichValidationException e = assertInstanceOf(DeepEnrichValidationException.class, out.getException());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(0, api.bulkRequests().size());
    }
}
