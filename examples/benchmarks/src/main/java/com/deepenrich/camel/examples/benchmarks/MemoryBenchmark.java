package com.deepenrich.camel.examples.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * B4: contacts streamed through {@code aggregate(100) -> deepenrich:bulk}, every option at its default but the rate,
 * in child JVMs limited to {@value #MAX_HEAP} ({@link StreamingJob}), against a zero-latency API in this JVM that
 * accepts every request ({@link AcceptedContacts}: it checks every contact arrives once and, for the webhook variant,
 * posts each request's result to the child's webhook). Each run's time against the rate limit's bound and its heap
 * are reported, or how it failed.
 */
final class MemoryBenchmark {

    static final String TITLE = "B4 memory";
    static final String MAX_HEAP = "32m";

    /** 200 requests a second: 1,000,000 contacts in requests of 100 take 50 s at this rate. */
    static final int LIMITED_REQUESTS_PER_MINUTE = 12_000;

    static final String CANONICAL = "canonical route, results never come back";
    static final String CANONICAL_WEBHOOK = "canonical route, results by webhook in the same JVM";
    static final String FILE = "main job's shape (file, streaming CSV split), results never come back";
    static final String UNLIMITED = "canonical route, no rate limit, results never come back";

    private MemoryBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        int contacts = scale.streamedContacts();
        Path csv = Path.of("target", "b4-contacts-" + contacts + ".csv");
        int rate = LIMITED_REQUESTS_PER_MINUTE;
        report.add(TITLE, CANONICAL, runChild(contacts, rate, StreamingJob.CANONICAL, false));
        report.add(TITLE, CANONICAL_WEBHOOK, runChild(contacts, rate, StreamingJob.CANONICAL, true));
        if (scale.everyStreamShape()) {
            SyntheticContacts.writeCsv(csv, contacts);
            report.add(TITLE, FILE, runChild(contacts, rate, csv.toString(), false));
            report.add(TITLE, UNLIMITED, runChild(contacts, 0, StreamingJob.CANONICAL, false));
        }
        report.note(TITLE + ": child JVMs -Xmx" + MAX_HEAP + " (the application alone; the API runs in the parent), "
                    + "requestsPerMinute=" + rate + " but in the last row, every other option at its default (person "
                    + "guard on, maxPendingBatches 4). The webhook variant's API posts each result "
                    + AcceptedContacts.ECHO_AFTER_MILLIS + " ms after accepting its request. CSV " + csv
                    + " generated at run time, GC logs in target/b4-gc-*.log. A run that fails is reported, not "
                    + "hidden.");
    }

    private static Map<String, String> runChild(int contacts, int requestsPerMinute, String source,
                                                boolean webhook)
            throws Exception {
        Path gcLog = Path.of("target", "b4-gc-" + requestsPerMinute + "-"
                                       + (StreamingJob.CANONICAL.equals(source) ? "canonical" : "file")
                                       + (webhook ? "-webhook" : "") + ".log");
        Map<String, String> row = new LinkedHashMap<>();
        row.put("-Xmx", MAX_HEAP);
        try (AcceptedContacts accepted = new AcceptedContacts(webhook);
                ZeroLatencyBulkApi api = ZeroLatencyBulkApi.start(accepted);
                ChildJvm child = new ChildJvm(
                        List.of("-Xmx" + MAX_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog),
                        StreamingJob.class,
                        List.of(api.baseUrl(), Integer.toString(contacts), Integer.toString(requestsPerMinute), source,
                                webhook ? StreamingJob.WEBHOOK : StreamingJob.NO_RESULTS))) {
            ChildJvm.Outcome outcome = child.await(StreamingJob.RESULT_PREFIX, Duration.ofMinutes(30), line -> {});
            if (!outcome.completed()) {
                row.put("outcome", outcome.failure());
                return row;
            }
            JsonNode figures = outcome.figures();
            ZeroLatencyBulkApi.Counts counts = api.counts();
            double seconds = figures.get("seconds").asDouble();
            row.put("outcome", "completed");
            row.put("contacts at API", Stats.integer(counts.contacts()));
            row.put("distinct leads at API", Stats.integer(accepted.distinctLeads()));
            row.put("requests", Stats.integer(counts.requests()));
            row.put("wall s", Stats.decimal(seconds));
            row.put("contacts/s", Stats.integer(counts.contacts() / seconds));
            row.put("CPU s (child)", Stats.decimal(figures.get("cpuSeconds").asDouble()));
            if (requestsPerMinute > 0) {
                double bound = counts.requests() * 60.0 / requestsPerMinute;
                double span = figures.get("spanSeconds").asDouble();
                double spanBound = (counts.requests() - 1) * 60.0 / requestsPerMinute;
                row.put("bound s (requests / rate)", Stats.decimal(bound));
                row.put("wall vs bound", Stats.percent((seconds / bound - 1) * 100));
                row.put("first..last answer s", Stats.decimal(span));
                row.put("span vs bound ((requests - 1) / rate)", Stats.percent((span / spanBound - 1) * 100));
            } else {
                row.put("bound s (requests / rate)", "-");
                row.put("wall vs bound", "-");
                row.put("first..last answer s", "-");
                row.put("span vs bound ((requests - 1) / rate)", "-");
            }
            if (webhook) {
                row.put("results emitted", Stats.integer(figures.get("results").asLong()));
                row.put("contacts emitted", Stats.integer(figures.get("contactsEmitted").asLong()));
                row.put("emitted twice", Stats.integer(figures.get("emittedTwice").asLong()));
                row.put("last result s", Stats.decimal(figures.get("lastResultSeconds").asDouble()));
            } else {
                row.put("results emitted", "-");
                row.put("contacts emitted", "-");
                row.put("emitted twice", "-");
                row.put("last result s", "-");
            }
            row.put("people held at end", Stats.integer(figures.get("peopleHeld").asLong()));
            row.put("sent without a hold", Stats.integer(figures.get("sentWithoutHold").asLong()));
            row.put("peak pending batches", Stats.integer(figures.get("peakPendingBatches").asLong()));
            row.put("peak heap used MB", megabytes(figures.get("peakUsedBytes")));
            row.put("peak after any GC MB", megabytes(figures.get("peakAfterGcBytes")));
            row.put("live MB at end (full GC)", megabytes(figures.get("liveAtEndBytes")));
            row.put("GCs", Stats.integer(figures.get("gcCount").asLong()));
            row.put("GC ms", Stats.integer(figures.get("gcMillis").asLong()));
            return row;
        }
    }

    private static String megabytes(JsonNode bytes) {
        return Stats.decimal(bytes.asLong() / 1024.0 / 1024.0);
    }
}
