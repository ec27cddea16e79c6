package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.examples.simulator.SimulatorStats;

/**
 * B2: the documented limit, 60 requests per window, with the window shortened so that the run takes seconds (6 s:
 * 600 requests/minute). The component is set to the same rate; its wall time is compared with the bound the limit
 * allows, and the simulator counts the 429s it had to answer.
 */
final class RateLimitBenchmark {

    static final String TITLE = "B2 under the rate limit";
    private static final int LIMIT_PER_WINDOW = 60;

    private RateLimitBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        Duration window = scale.rateWindow();
        int perMinute = (int) (LIMIT_PER_WINDOW * Duration.ofMinutes(1).toNanos() / window.toNanos());
        List<Map<String, Object>> contacts = SyntheticContacts.apiShaped(0, scale.limitedContacts());
        SimulatorConfig config = SimulatorConfig.builder()
                .apiKeys(Set.of(BenchmarkMain.API_KEY))
                .requestsPerMinute(LIMIT_PER_WINDOW).rateWindow(window)
                .processingLatency(Duration.ofMinutes(10))
                .build();
        // a 429 makes the client wait what the API asks ("try again in 1m"), capped like in production at one window
        String options = "requestsPerMinute=" + perMinute + "&rateLimitWindow=" + window.toMillis()
                         + "&maxRetryDelay=" + window.toMillis();
        // warm-up (class loading, JIT) against a simulator of its own: its requests stay out of the measured window
        try (DeepEnrichSimulator warmup = DeepEnrichSimulator.start(config);
                ComponentSubmit ours = new ComponentSubmit(warmup.baseUrl(), options)) {
            ours.submit(contacts.subList(0, contacts.size() / 10));
        }
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(config);
                ComponentSubmit ours = new ComponentSubmit(simulator.baseUrl(), options)) {
            long start = System.nanoTime();
            ours.submit(contacts);
            long end = System.nanoTime();
            double seconds = (end - start) / 1e9;
            double span = (end - ours.firstAcknowledgedAt()) / 1e9;
            SimulatorStats stats = simulator.stats();
            long requests = stats.submissions();
            double steadyBound = requests * 60.0 / perMinute;
            double spanBound = (requests - 1) * 60.0 / perMinute;
            double burstBound = (Math.ceil((double) requests / LIMIT_PER_WINDOW) - 1) * window.toMillis() / 1000.0;
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("limit", LIMIT_PER_WINDOW + " per " + window.toSeconds() + " s (" + perMinute + "/min)");
            figures.put("contacts", Stats.integer(stats.contactsSubmitted()));
            figures.put("requests accepted", Stats.integer(requests));
            figures.put("429s", Stats.integer(stats.rateLimited429()));
            figures.put("wall s", Stats.decimal(seconds));
            figures.put("bound s (requests / rate)", Stats.decimal(steadyBound));
            figures.put("wall vs bound", Stats.percent(100 * (seconds / steadyBound - 1)));
            figures.put("first..last answer s", Stats.decimal(span));
            figures.put("bound s ((requests - 1) / rate)", Stats.decimal(spanBound));
            figures.put("span vs bound", Stats.percent(100 * (span / spanBound - 1)));
            figures.put("burst bound s (sliding window)", Stats.decimal(burstBound));
            report.add(TITLE, "deepenrich:bulk (ours)", figures);
        }
    }
}
