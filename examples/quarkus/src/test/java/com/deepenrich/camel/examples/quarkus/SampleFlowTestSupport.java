package com.deepenrich.camel.examples.quarkus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What the tests of the sample flow share: the simulator the application talks to, and the enriched-contacts.jsonl
 * file the flow appends to, read as the application wrote it.
 */
abstract class SampleFlowTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @ConfigProperty(name = "output.dir")
    String outputDir;

    @InjectSimulator
    DeepEnrichSimulator simulator;

    /** The sample contact without a last name: the API would refuse it, so it is skipped, not sent. */
    static final String INVALID_SAMPLE_CONTACT = "L-00097";

    /**
     * Waits until the file holds one line per valid sample contact, then checks that each came back once, with its
     * lead_id echoed and an outcome, and that the 99 valid contacts went out in one request.
     */
    void assertEveryValidSampleContactEnrichedOnceFromOneRequest() {
        Path file = Path.of(outputDir, "enriched-contacts.jsonl");
        Set<String> expected = new TreeSet<>();
        lines(Path.of("src/main/data/contacts.jsonl"))
                .forEach(line -> expected.add((String) parse(line).get("lead_id")));
        expected.remove(INVALID_SAMPLE_CONTACT);
        await().atMost(Duration.ofSeconds(60)).until(() -> lines(file).size() >= expected.size());

        Set<String> leadIds = new TreeSet<>();
        for (String line : lines(file)) {
            Map<String, Object> contact = parse(line);
            assertNotNull(contact.get("outcome"), () -> "no outcome in " + line);
            leadIds.add((String) ((Map<?, ?>) contact.get("custom")).get("lead_id"));
        }
        assertEquals(expected.size(), lines(file).size(), "one line per valid contact");
        assertEquals(expected, leadIds);
        assertEquals(1, simulator.stats().submissions(), "99 valid contacts, one bulk request");
        assertEquals(expected.size(), simulator.stats().contactsSubmitted());
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> parse(String line) {
        try {
            return JSON.readValue(line, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }
}
