package com.deepenrich.camel.examples.simulator;

import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuthTest {

    private static DeepEnrichSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of("sim-key", "other-key"))
                .requestsPerMinute(0)
                .build());
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void missingAuthorizationHeaderIsTheDocumentedNotSetError() throws Exception {
        SimulatorClient.Reply reply = client.get("/account/credits", null);

        assertEquals(401, reply.status());
        assertEquals(Fixtures.error("401 no Authorization header"), reply.json());
    }

    @Test
    void authorizationWithoutBearerPrefixIsTheDocumentedNotBearerError() throws Exception {
        SimulatorClient.Reply reply = client.get("/account/credits", "sim-key");

        assertEquals(401, reply.status());
        assertEquals(Fixtures.error("401 Authorization without Bearer"), reply.json());
    }

    @Test
    void unknownKeyIsTheDocumentedApiKeyError() throws Exception {
        SimulatorClient.Reply reply = client.get("/account/credits", "Bearer not-a-key");

        assertEquals(401, reply.status());
        assertEquals(Fixtures.error("401 unknown key"), reply.json());
    }

    @Test
    void submissionsNeedAuthorizationToo() throws Exception {
        SimulatorClient.Reply reply = client.get("/contact/enrich/bulk/anything", null);

        assertEquals(401, reply.status());
        assertEquals(Fixtures.error("401 no Authorization header"), reply.json());
    }

    @Test
    void bearerPrefixIsCaseInsensitive() throws Exception {
        assertEquals(200, client.get("/account/credits", "bearer sim-key").status());
        assertEquals(200, client.get("/account/credits", "BEARER sim-key").status());
    }

    @Test
    void creditsAnswerTheBalance() throws Exception {
        simulator.setCredits(1234);

        SimulatorClient.Reply reply = client.get("/account/credits");

        assertEquals(200, reply.status());
        assertEquals(1234, reply.json().get("balance").asLong());
        assertEquals(1234, simulator.credits());
    }

    @Test
    void verifyKeyAnswersAStableWorkspacePerKey() throws Exception {
        String first = client.get("/account/keys/verify").json().get("workspace_id").asText();
        String again = client.get("/account/keys/verify").json().get("workspace_id").asText();
        String other = client.get("/account/keys/verify", "Bearer other-key").json().get("workspace_id").asText();

        assertEquals(first, again);
        assertNotEquals(first, other);
        assertEquals(3, simulator.stats().requests("GET /account/keys/verify"));
    }

    @Test
    void unknownRouteIs404AfterAuthentication() throws Exception {
        SimulatorClient.Reply reply = client.get("/nothing/here");

        assertEquals(404, reply.status());
        assertEquals("error.route.not_found", reply.json().get("code").asText());
    }
}
