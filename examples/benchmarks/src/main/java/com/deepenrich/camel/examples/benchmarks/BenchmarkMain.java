package com.deepenrich.camel.examples.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the benchmarks and prints their figures as Markdown tables. All traffic stays on 127.0.0.1.
 *
 * <pre>
 * mvn -B -ntp -pl examples/benchmarks -am package exec:java -DskipTests            # the full run
 * mvn -B -ntp -pl examples/benchmarks -am package exec:java -DskipTests -Dexec.args="--quick --only=B1,B2"
 * mvn -B -ntp -pl examples/benchmarks -am package exec:java -DskipTests -Dexec.args="--only=B1 --warmup=3"
 * </pre>
 */
public final class BenchmarkMain {

    /** The API key every benchmark uses (the simulator's default key). */
    public static final String API_KEY = "sim-key";

    /** A benchmark of the run. */
    @FunctionalInterface
    interface Benchmark {

        void run(Scale scale, Report report) throws Exception;
    }

    static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("B1", SubmitThroughputBenchmark::run);
        BENCHMARKS.put("REQ", (scale, report) -> RequestCountBenchmark.run(report));
        BENCHMARKS.put("B2", RateLimitBenchmark::run);
        BENCHMARKS.put("B3", WebhookIngestionBenchmark::run);
        BENCHMARKS.put("B4", MemoryBenchmark::run);
        BENCHMARKS.put("B5", PollModeBenchmark::run);
        BENCHMARKS.put("B6", ResyncBenchmark::run);
        BENCHMARKS.put("B7", LedgerResyncBenchmark::run);
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Scale scale = options.contains("--quick") ? Scale.QUICK : Scale.FULL;
        for (String warmup : options.stream().filter(o -> o.startsWith("--warmup=")).toList()) {
            scale = scale.withWarmupRounds(Integer.parseInt(warmup.substring("--warmup=".length())));
        }
        Set<String> only = options.stream().filter(o -> o.startsWith("--only="))
                .flatMap(o -> Arrays.stream(o.substring("--only=".length()).split(",")))
                .map(String::trim).collect(Collectors.toSet());
        System.out.println(Machine.describe(scale));
        Report report = run(scale, only.isEmpty() ? BENCHMARKS.keySet() : only);
        System.out.println(report.render());
    }

    /** Runs the named benchmarks (keys of {@link #BENCHMARKS}) in their declared order. */
    public static Report run(Scale scale, Set<String> names) throws Exception {
        Report report = new Report();
        for (Map.Entry<String, Benchmark> b : BENCHMARKS.entrySet()) {
            if (names.contains(b.getKey())) {
                System.out.println("running " + b.getKey() + " (" + scale.name() + ")...");
                b.getValue().run(scale, report);
            }
        }
        return report;
    }
}
