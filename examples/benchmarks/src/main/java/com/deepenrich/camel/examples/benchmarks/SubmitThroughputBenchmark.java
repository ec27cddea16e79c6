package com.deepenrich.camel.examples.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

/**
 * B1: contacts per second from the route to a zero-latency API on 127.0.0.1, ours against camel-http + Jackson and
 * a raw asynchronous client loop, in the same JVM and the same run; rounds alternate between the variants.
 */
final class SubmitThroughputBenchmark {

    static final String TITLE = "B1 submit throughput";

    /** Requests the baselines keep in flight: as many as the component's senders (its pool of 10 threads). */
    static final int CONCURRENCY = 10;

    static final String WITHOUT_IDENTITY = "deepenrich:bulk (ours), deduplicatePeople=false";
    static final String WITH_RESULTS_ROUTE = "deepenrich:bulk (ours), a results route whose results never come";
    static final String EVERY_PERSON_HELD =
            "deepenrich:bulk (ours), a results route, every person held (a ledger per round with room for its people)";

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SubmitThroughputBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        int size = scale.submitContacts();
        // one API per variant: its counts are the variant's own, and no variant's idle connections are closed by
        // the server because of another's
        try (ZeroLatencyBulkApi oursApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi camelHttpApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi rawApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi oursAsManyApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi oursWithoutIdentityApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi oursHoldingApi = ZeroLatencyBulkApi.start();
                ZeroLatencyBulkApi oursHoldingAllApi = ZeroLatencyBulkApi.start();
                ComponentSubmit ours = new ComponentSubmit(oursApi.baseUrl(), "requestsPerMinute=0");
                // the person guard holding people across exchanges: a results route of the same ledger is defined
                ComponentSubmit oursHolding = new ComponentSubmit(WITH_RESULTS_ROUTE, oursHoldingApi.baseUrl(),
                        "requestsPerMinute=0", null, true, null);
                // its store holds at most 50,000 people: a store with room for every person a round sends
                SubmitVariant oursHoldingAll = new FreshLedgerEachRound(EVERY_PERSON_HELD,
                        oursHoldingAllApi.baseUrl(), size);
                // the identity check's cost: the same route without the person guard
                ComponentSubmit oursWithoutIdentity = new ComponentSubmit(WITHOUT_IDENTITY,
                        oursWithoutIdentityApi.baseUrl(), "requestsPerMinute=0&deduplicatePeople=false", null);
                // as many requests in flight as the baselines: the default bound (4) keeps fewer
                ComponentSubmit oursAsMany = new ComponentSubmit(oursAsManyApi.baseUrl(), "requestsPerMinute=0",
                        CONCURRENCY);
                SubmitVariant camelHttp = new CamelHttpSubmit(camelHttpApi.bulkUrl(), CONCURRENCY);
                SubmitVariant raw = new RawClientSubmit(rawApi.bulkUrl(), 100, CONCURRENCY)) {
            Map<SubmitVariant, ZeroLatencyBulkApi> variants = new LinkedHashMap<>();
            variants.put(ours, oursApi);
            variants.put(oursHolding, oursHoldingApi);
            variants.put(oursHoldingAll, oursHoldingAllApi);
            variants.put(oursAsMany, oursAsManyApi);
            variants.put(oursWithoutIdentity, oursWithoutIdentityApi);
            variants.put(camelHttp, camelHttpApi);
            variants.put(raw, rawApi);
            for (int round = 0; round < scale.warmupRounds(); round++) {
                for (SubmitVariant v : variants.keySet()) {
                    v.beforeRound();
                    v.submit(freshContacts(round, size));
                }
            }
            Map<SubmitVariant, Measured> measured = new LinkedHashMap<>();
            variants.keySet().forEach(v -> measured.put(v, new Measured(scale.measuredRounds())));
            for (int round = 0; round < scale.measuredRounds(); round++) {
                for (Map.Entry<SubmitVariant, ZeroLatencyBulkApi> v : variants.entrySet()) {
                    List<Map<String, Object>> contacts = freshContacts(scale.warmupRounds() + round, size);
                    ZeroLatencyBulkApi api = v.getValue();
                    v.getKey().beforeRound();
                    PeopleHolding.People before = v.getKey() instanceof PeopleHolding p ? p.people() : null;
                    api.reset();
                    CompilerThreadsCpu jit = CompilerThreadsCpu.now();
                    long cpu = OS.getProcessCpuTime();
                    long start = System.nanoTime();
                    v.getKey().submit(contacts);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    measured.get(v.getKey()).record(round, contacts.size() / seconds,
                            (OS.getProcessCpuTime() - cpu) / 1e3 / contacts.size(),
                            CompilerThreadsCpu.now().nanosSince(jit) / 1e3 / contacts.size(), api.counts());
                    if (v.getKey() instanceof PeopleHolding p) {
                        measured.get(v.getKey()).people(before, p.people());
                    }
                }
            }
            double oursRate = measured.get(ours).medianRate();
            double camelHttpCpu = Stats.median(measured.get(camelHttp).cpuMicrosPerContact);
            measured.forEach((v, m) -> {
                Map<String, String> figures = new LinkedHashMap<>();
                figures.put("contacts", Stats.integer(size));
                figures.put("requests", Stats.integer(m.counts.requests()));
                figures.put("contacts at API", Stats.integer(m.counts.contacts()));
                figures.put("contacts/s (median)", Stats.integer(m.medianRate()));
                figures.put("min..max", Stats.integer(Stats.percentile(m.rates, 0)) + ".."
                                        + Stats.integer(Stats.percentile(m.rates, 100)));
                figures.put("CPU us/contact", Stats.decimal(Stats.median(m.cpuMicrosPerContact)));
                figures.put("CPU vs camel-http", Stats.ratio(Stats.median(m.cpuMicrosPerContact) / camelHttpCpu));
                figures.put("JIT us/contact", Stats.decimal(Stats.median(m.jitMicrosPerContact)));
                figures.put("CPU without JIT", Stats.decimal(m.medianCpuWithoutJit()));
                figures.put("request bytes/contact", Stats.decimal((double) m.counts.bytes() / m.counts.contacts()));
                figures.put("ours vs this", Stats.ratio(oursRate / m.medianRate()));
                figures.put("peak in flight", Integer.toString(m.counts.peakInFlight()));
                figures.put("connections", Integer.toString(m.counts.connections()));
                boolean holds = m.heldAfterRound != null;
                figures.put("people held after a round", holds ? Stats.integer(m.heldAfterRound) : "-");
                figures.put("sent without a hold (measured rounds)", holds ? Stats.integer(m.sentWithoutHold) : "-");
                report.add(TITLE, v.name(), figures);
            });
            double withoutIdentityCpu = Stats.median(measured.get(oursWithoutIdentity).cpuMicrosPerContact);
            double holdingAllCpu = Stats.median(measured.get(oursHoldingAll).cpuMicrosPerContact);
            report.note(TITLE + ": the person guard holding every person across exchanges (a results route of the"
                        + " ledger in the context: an identity per contact and her hold in the in-memory people"
                        + " store) costs " + Stats.decimal(holdingAllCpu - withoutIdentityCpu)
                        + " us CPU per contact: " + Stats.ratio(holdingAllCpu / withoutIdentityCpu)
                        + " the CPU of the same route with deduplicatePeople=false. With one ledger for the whole run"
                        + " (its default store holds at most 50,000 people) the measured rounds' people are sent"
                        + " without a hold: the store is full.");
        }
        report.note(TITLE + ": " + scale.warmupRounds() + " warm-up and " + scale.measuredRounds()
                    + " measured rounds per variant, alternating; CPU is the whole process's (the API stub included);"
                    + " JIT is the part of it the compiler threads used (compilation still going on in the measured"
                    + " rounds), CPU without JIT the rest, round by round."
                    + " Every variant keeps at most " + CONCURRENCY
                    + " requests in flight (ours: its pool of senders); ours with its default maxPendingBatches (4)"
                    + " at most 4. Every variant sends each contact with the enrich_fields the API needs ("
                    + HandWrittenBulkRequest.ENRICH_FIELDS + ", ours' default); request bytes are counted by the API.");
    }

    /**
     * Contacts no earlier round sent: the same contacts sent again would be answered from the ledger's request
     * fingerprints (fingerprintWindow), the same people held by the person guard (deduplicatePeople), without
     * reaching the API, which is not what this measures. Made anew for
     * each variant, just before its measure: the young collections that copy 100,000 freshly made maps then fall
     * in every variant's measure alike (made once per round, they fell in the first variant's, always ours).
     */
    private static List<Map<String, Object>> freshContacts(int round, int size) {
        List<Map<String, Object>> contacts = SyntheticContacts.apiShaped(round * size, size);
        // and people no earlier round sent: synthetic names and domains repeat after 1,276,160 contacts, and the
        // person guard holds a person sent to this API for a day (no result ever comes), so her contact would wait
        contacts.forEach(c -> c.put("domain", "r" + round + "-" + c.get("domain")));
        return contacts;
    }

    /** The figures of one variant's measured rounds. */
    private static final class Measured {

        private final double[] rates;
        private final double[] cpuMicrosPerContact;
        private final double[] jitMicrosPerContact;
        private ZeroLatencyBulkApi.Counts counts;
        /** Ours: the people its store held after the last round, and those it sent without a hold in all rounds. */
        private Long heldAfterRound;
        private long sentWithoutHold;

        Measured(int rounds) {
            rates = new double[rounds];
            cpuMicrosPerContact = new double[rounds];
            jitMicrosPerContact = new double[rounds];
        }

        void record(int round, double rate, double cpuMicros, double jitMicros,
                    ZeroLatencyBulkApi.Counts roundCounts) {
            rates[round] = rate;
            cpuMicrosPerContact[round] = cpuMicros;
            jitMicrosPerContact[round] = jitMicros;
            counts = roundCounts;
        }

        void people(PeopleHolding.People before, PeopleHolding.People after) {
            heldAfterRound = after.held();
            sentWithoutHold += after.sentWithoutHold() - before.sentWithoutHold();
        }

        /** The median over rounds of the process's CPU less the compiler threads', round by round. */
        double medianCpuWithoutJit() {
            double[] without = new double[cpuMicrosPerContact.length];
            for (int i = 0; i < without.length; i++) {
                without[i] = cpuMicrosPerContact[i] - jitMicrosPerContact[i];
            }
            return Stats.median(without);
        }

        double medianRate() {
            return Stats.median(rates);
        }
    }
}
