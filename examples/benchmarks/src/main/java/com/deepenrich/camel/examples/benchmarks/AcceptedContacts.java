package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.BitSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What B4's API does with each request it accepted ({@link ZeroLatencyBulkApi.Listener}): it notes each contact's
 * lead id ({@code L<n>}, under {@code custom}), so that a run tells every contact reached the API once; and, when it
 * echoes results, it POSTs the request's result (FINISHED, its contacts echoed with their custom fields, no credit
 * spent) to the request's {@code webhook_url} {@value #ECHO_AFTER_MILLIS} ms after accepting it, as DeepEnrich's
 * webhook would after a job, and again every second after a failed delivery, {@value #DELIVERY_ATTEMPTS} times at
 * most.
 */
final class AcceptedContacts implements ZeroLatencyBulkApi.Listener, AutoCloseable {

    static final long ECHO_AFTER_MILLIS = 100;
    private static final int DELIVERY_ATTEMPTS = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean echoResults;
    private final BitSet leads = new BitSet();
    private long contacts;
    private long repeated;
    private long withoutLeadId;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder undelivered = new LongAdder();
    private final ScheduledExecutorService echoes =
            Executors.newSingleThreadScheduledExecutor(Threads.daemon("webhook-echo"));
    private final HttpClient client = HttpClient.newBuilder().executor(echoes).build();

    AcceptedContacts(boolean echoResults) {
        this.echoResults = echoResults;
    }

    @Override
    public void accepted(String enrichmentId, byte[] body) {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the API accepted a request that is not JSON", e);
        }
        count(request.path("datas"));
        if (echoResults) {
            byte[] result = finished(enrichmentId, request);
            URI webhook = URI.create(request.path("webhook_url").asText());
            echoes.schedule(() -> deliver(webhook, result, 1), ECHO_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void count(JsonNode datas) {
        for (JsonNode data : datas) {
            contacts++;
            JsonNode custom = data.path("custom");
            String lead = custom.path("lead_id").asText(custom.path("Lead Id").asText(""));
            if (!lead.startsWith("L")) {
                withoutLeadId++;
                continue;
            }
            int n = Integer.parseInt(lead.substring(1));
            if (leads.get(n)) {
                repeated++;
            }
            leads.set(n);
        }
    }

    private static byte[] finished(String enrichmentId, JsonNode request) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("id", enrichmentId);
        result.put("name", request.path("name").asText());
        result.put("status", "FINISHED");
        result.putObject("cost").put("credits", 0);
        ArrayNode datas = result.putArray("datas");
        for (JsonNode input : request.path("datas")) {
            ObjectNode data = datas.addObject();
            data.set("custom", input.path("custom"));
            ObjectNode contact = data.putObject("contact");
            for (String field : new String[]{"firstname", "lastname", "domain", "company_name", "linkedin_url"}) {
                if (input.has(field)) {
                    contact.set(field, input.get(field));
                }
            }
        }
        try {
            return MAPPER.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deliver(URI webhook, byte[] result, int attempt) {
        HttpRequest post = HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(result)).build();
        client.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                delivered.increment();
            } else if (attempt < DELIVERY_ATTEMPTS) {
                echoes.schedule(() -> deliver(webhook, result, attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                undelivered.increment();
            }
        });
    }

    /** Contacts accepted, with a lead id or not. */
    synchronized long contacts() {
        return contacts;
    }

    /** Distinct lead ids among them. */
    synchronized long distinctLeads() {
        return leads.cardinality();
    }

    /** Contacts whose lead id an earlier contact had, and contacts without one. */
    synchronized long repeatedOrUnknown() {
        return repeated + withoutLeadId;
    }

    long webhooksDelivered() {
        return delivered.sum();
    }

    long webhooksUndelivered() {
        return undelivered.sum();
    }

    @Override
    public void close() {
        echoes.shutdownNow();
    }
}
