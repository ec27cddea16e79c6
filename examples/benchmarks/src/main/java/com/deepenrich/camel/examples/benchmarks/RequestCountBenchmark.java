package com.deepenrich.camel.examples.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests per 10,000 contacts, counted at the API: ours (groups of 100) against one request per contact, the shape
 * of the existing per-contact integrations.
 */
final class RequestCountBenchmark {

    static final String TITLE = "Requests per 10,000 contacts";
    private static final int CONTACTS = 10_000;

    private RequestCountBenchmark() {
    }

    static void run(Report report) throws Exception {
        List<Map<String, Object>> contacts = SyntheticContacts.apiShaped(0, CONTACTS);
        try (ZeroLatencyBulkApi api = ZeroLatencyBulkApi.start();
                SubmitVariant ours = new ComponentSubmit(api.baseUrl(), "requestsPerMinute=0");
                SubmitVariant perContact =
                        new RawClientSubmit(api.bulkUrl(), 1, SubmitThroughputBenchmark.CONCURRENCY)) {
            ZeroLatencyBulkApi.Counts oursCounts = count(api, ours, contacts);
            ZeroLatencyBulkApi.Counts perContactCounts = count(api, perContact, contacts);
            add(report, ours, oursCounts, oursCounts);
            add(report, perContact, perContactCounts, oursCounts);
        }
    }

    private static ZeroLatencyBulkApi.Counts count(ZeroLatencyBulkApi api, SubmitVariant variant,
                                                   List<Map<String, Object>> contacts)
            throws Exception {
        api.reset();
        variant.submit(contacts);
        return api.counts();
    }

    private static void add(Report report, SubmitVariant variant, ZeroLatencyBulkApi.Counts counts,
                            ZeroLatencyBulkApi.Counts ours) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("contacts at API", Stats.integer(counts.contacts()));
        figures.put("requests", Stats.integer(counts.requests()));
        figures.put("request bytes", Stats.integer(counts.bytes()));
        figures.put("requests vs ours", Stats.ratio((double) counts.requests() / ours.requests()));
        figures.put("minutes at 60 req/min", Stats.decimal(counts.requests() / 60.0));
        report.add(TITLE, variant.name(), figures);
    }
}
