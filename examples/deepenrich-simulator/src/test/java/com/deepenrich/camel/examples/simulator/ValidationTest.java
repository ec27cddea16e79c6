package com.deepenrich.camel.examples.simulator;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationTest {

    private static DeepEnrichSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = DeepEnrichSimulator.start(SimulatorConfig.builder().requestsPerMinute(0).build());
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void emptyNameIsTheDocumentedError() throws Exception {
        ObjectNode bulk = Fixtures.people("", 1);

        assertRejected(bulk.toString(), Fixtures.error("400 empty name").toString());
    }

    @Test
    void noContactsIsTheDocumentedError() throws Exception {
        ObjectNode bulk = Fixtures.people("no contacts", 0);

        assertRejected(bulk.toString(), Fixtures.error("400 no contacts").toString());
    }

    @Test
    void missingDatasIsDataEmpty() throws Exception {
        assertCode("{\"name\":\"x\"}", "error.enrichment.data.empty");
    }

    @Test
    void moreThanOneHundredContactsIsDataExceeded() throws Exception {
        assertCode(Fixtures.people("too many", 101).toString(), "error.enrichment.data.exceeded");
    }

    @Test
    void oneHundredContactsAreAccepted() throws Exception {
        client.submit(Fixtures.people("one hundred", 100));
    }

    @Test
    void malformedJsonIsRequestInvalid() throws Exception {
        assertCode("{\"name\": ", "error.request.invalid");
    }

    @Test
    void emptyBodyIsRequestInvalid() throws Exception {
        assertCode("", "error.request.invalid");
    }

    @Test
    void nonHttpWebhookUrlIsRejected() throws Exception {
        ObjectNode bulk = Fixtures.people("ftp webhook", 1).put("webhook_url", "ftp://127.0.0.1/hook");

        assertCode(bulk.toString(), "error.enrichment.webhook_url");
    }

    @Test
    void companyNameAloneIsEnough() throws Exception {
        ObjectNode contact = Fixtures.person(0);
        contact.remove("domain");
        contact.put("company_name", "Acme Inc");

        client.submit(Fixtures.bulk("company only", contact));
    }

    static Stream<Arguments> invalidContacts() {
        return Stream.of(
                invalid("missing firstname", c -> c.remove("firstname"), "error.enrichment.firstname.empty"),
                invalid("missing lastname", c -> c.remove("lastname"), "error.enrichment.lastname.empty"),
                invalid("neither domain nor company", c -> c.remove("domain"), "error.enrichment.domain.empty"),
                invalid("invalid domain", c -> c.put("domain", "not a domain"), "error.enrichment.domain.invalid"),
                invalid("invalid linkedin url", c -> c.put("linkedin_url", "https://example.com/in/x"),
                        "error.enrichment.linkedin_url.invalid"),
                invalid("11 custom keys", c -> {
                    ObjectNode custom = c.putObject("custom");
                    for (int i = 0; i < 11; i++) {
                        custom.put("key" + i, "value");
                    }
                }, "error.enrichment.custom.key.exceeded"),
                invalid("numeric custom value", c -> c.putObject("custom").put("user_id", 12584),
                        "error.enrichment.custom.value.exceeded"),
                invalid("custom value over 100 characters", c -> c.putObject("custom").put("note", "x".repeat(101)),
                        "error.enrichment.custom.value.exceeded"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidContacts")
    void invalidContactIsRejectedWithItsCode(String description, Consumer<ObjectNode> mutation, String code)
            throws Exception {
        ObjectNode contact = Fixtures.person(0);
        mutation.accept(contact);

        assertCode(Fixtures.bulk(description, Fixtures.person(1), contact).toString(), code);
    }

    private static Arguments invalid(String description, Consumer<ObjectNode> mutation, String code) {
        return Arguments.of(description, mutation, code);
    }

    private static void assertCode(String body, String code) throws Exception {
        SimulatorClient.Reply reply = client.post("/contact/enrich/bulk", body);

        assertEquals(400, reply.status(), () -> "answered " + reply.json());
        assertEquals(code, reply.json().get("code").asText());
    }

    private static void assertRejected(String body, String expectedError) throws Exception {
        SimulatorClient.Reply reply = client.post("/contact/enrich/bulk", body);

        assertEquals(400, reply.status());
        assertEquals(SimulatorClient.JSON.readTree(expectedError), reply.json());
    }
}
