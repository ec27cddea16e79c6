package com.deepenrich.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.RequestNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock DeepEnrich API on 127.0.0.1, and what tests need to stub it and read what it received.
 * Test contacts carry their position as custom field {@code seq}, so a request names the contacts it holds.
 */
final class WireMockApi implements AutoCloseable {

    static final String BULK_PATH = "/api/v1/contact/enrich/bulk";
    static final String API_KEY = "test-key";

    final WireMockServer server;

    WireMockApi() {
        this(0);
    }

    /** On {@code port} of 127.0.0.1 (0: any free one), for an API that comes up where a test expected it. */
    WireMockApi(int port) {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/api/v1";
    }

    /**
     * A component talking to this API, with short retry delays and no client-side rate limit so that tests stay
     * fast (tests of those features set them on their endpoint).
     */
    DeepEnrichComponent component() {
        return component(baseUrl());
    }

    /**
     * A component for the API at {@code baseUrl} (this one's, or one a child JVM is given), with short retry delays,
     * no client-side rate limit, and pending ids read at the next poll (the stubs answer at once).
     */
    static DeepEnrichComponent component(String baseUrl) {
        DeepEnrichComponent component = new DeepEnrichComponent();
        DeepEnrichConfiguration cfg = component.getConfiguration();
        cfg.setApiKey(API_KEY);
        cfg.setBaseUrl(baseUrl);
        cfg.setRetryDelay(10);
        cfg.setMaxRetryDelay(50);
        cfg.setRequestsPerMinute(0);
        cfg.setFirstReadAfter(0);
        return component;
    }

    static String fixture(String name) {
        try (InputStream in = WireMockApi.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid contact whose custom field {@code seq} is {@code seq}. */
    static Contact contact(int seq) {
        return Contact.builder().firstname("First" + seq).lastname("Last" + seq).domain("example.com")
                .custom("seq", seq).build();
    }

    /** Valid contacts as JSON, one object per line, each with custom field {@code seq}. */
    static String jsonLines(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> "{\"firstname\":\"F" + i + "\",\"lastname\":\"L\",\"domain\":\"example.com\","
                               + "\"custom\":{\"seq\":\"" + i + "\"}}")
                .collect(Collectors.joining("\n"));
    }

    /** Contact {@code seq}'s person spelled another way (case, spaces, a domain as a URL), with custom seq {@code newSeq}. */
    static Contact respelled(int seq, int newSeq) {
        return Contact.builder().firstname(" FIRST" + seq).lastname("last" + seq + " ")
                .domain("https://www.Example.com/").custom("seq", newSeq).build();
    }

    static List<Contact> contacts(int from, int count) {
        List<Contact> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            out.add(contact(i));
        }
        return out;
    }

    /** Every bulk request is accepted with enrichment id {@code id-<seq of its first contact>}. */
    void acceptBulkWithIdOfFirstSeq() {
        server.stubFor(post(urlEqualTo(BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"enrichment_id\": \"id-{{jsonPath request.body '$.datas[0].custom.seq'}}\"}")
                .withTransformers("response-template")));
    }

    /** Requests matching {@code pattern}, oldest first. */
    List<LoggedRequest> requests(RequestPatternBuilder pattern) {
        List<LoggedRequest> all = new ArrayList<>(server.findAll(pattern));
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    List<LoggedRequest> bulkRequests() {
        return requests(postRequestedFor(urlEqualTo(BULK_PATH)));
    }

    /** The contacts of each bulk request received, as JSON. */
    List<JsonNode> bulkContacts() {
        List<JsonNode> out = new ArrayList<>();
        for (LoggedRequest r : bulkRequests()) {
            out.add(json(r).get("datas"));
        }
        return out;
    }

    /** The key (name suffix) of each bulk request received, oldest first. */
    List<String> bulkRequestKeys() {
        return bulkRequests().stream().map(r -> RequestNames.keyOf(json(r).get("name").asText())).toList();
    }

    /** The number of contacts of each bulk request, largest first. */
    List<Integer> bulkSizes() {
        return bulkContacts().stream().map(JsonNode::size).sorted(Comparator.reverseOrder()).toList();
    }

    /** The custom {@code seq} of every contact received in bulk requests, sorted. */
    List<Integer> seqsReceived() {
        List<Integer> seqs = new ArrayList<>();
        bulkContacts().forEach(datas -> datas.forEach(c -> seqs.add(c.at("/custom/seq").asInt())));
        seqs.sort(Comparator.naturalOrder());
        return seqs;
    }

    static JsonNode json(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    static JsonNode json(String text) {
        try {
            return DeepEnrichJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
