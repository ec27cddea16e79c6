package com.deepenrich.camel.examples.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * B4: a generated CSV streamed through the main job's route in child JVMs limited to {@value #MAX_HEAP}, without a
 * rate limit, and with one (reading paced or not); each run's peak heap is reported, or how it failed.
 */
final class MemoryBenchmark {

    static final String TITLE = "B4 memory";
    static final String MAX_HEAP = "256m";
    private static final Pattern FAILURE = Pattern.compile("OutOfMemoryError|StackOverflowError|stalled at");

    private MemoryBenchmark() {
    }

    /**
     * The limited runs' rate: 200 requests a second, well under what the route reads and prepares on two cores
     * (the unlimited run's rate), so that a paced run has CPU to spare.
     */
    static final int LIMITED_REQUESTS_PER_MINUTE = 12_000;

    static void run(Scale scale, Report report) throws Exception {
        Path csv = Path.of("target", "b4-contacts-" + scale.streamedContacts() + ".csv");
        SyntheticContacts.writeCsv(csv, scale.streamedContacts());
        int rate = LIMITED_REQUESTS_PER_MINUTE;
        runChild(csv, scale.streamedContacts(), 0, StreamingJob.UNPACED, "no rate limit", report);
        runChild(csv, scale.streamedContacts(), rate, StreamingJob.CANONICAL,
                "canonical route, not paced, under a limit (requestsPerMinute=" + rate + ")", report);
        runChild(csv, scale.streamedContacts(), rate, StreamingJob.UNPACED,
                "requestsPerMinute=" + rate + ", reading not paced", report);
        runChild(csv, scale.streamedContacts(), rate, StreamingJob.PACED,
                "requestsPerMinute=" + rate + ", reading throttled to " + StreamingJob.contactsPerSecond(rate)
                                                                          + " contacts/s",
                report);
        report.note(TITLE + ": child JVMs -Xmx" + MAX_HEAP + ", CSV " + csv + " generated at run time, GC logs in "
                    + "target/b4-gc-*.log. A run that fails is reported, not hidden.");
    }

    private static void runChild(Path csv, int contacts, int requestsPerMinute, String mode, String variant,
                                 Report report)
            throws Exception {
        Path gcLog = Path.of("target", "b4-gc-" + requestsPerMinute + "-" + mode + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + MAX_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(), StreamingJob.class.getName(),
                csv.toString(), Integer.toString(contacts), Integer.toString(requestsPerMinute), mode);
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        JsonNode figures = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(StreamingJob.RESULT_PREFIX)) {
                    figures = new ObjectMapper().readTree(line.substring(StreamingJob.RESULT_PREFIX.length()));
                } else {
                    output.add(line);
                }
            }
        }
        boolean exited = child.waitFor(30, TimeUnit.MINUTES);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("-Xmx", MAX_HEAP);
        if (!exited || child.exitValue() != 0 || figures == null) {
            child.destroyForcibly();
            row.put("outcome", "FAILED after " + Stats.decimal((System.nanoTime() - start) / 1e9) + " s: "
                               + output.stream().filter(l -> FAILURE.matcher(l).find()).findFirst()
                                       .orElse("exit " + (exited ? child.exitValue() : "none")));
            report.add(TITLE, variant, row);
            return;
        }
        double seconds = figures.get("seconds").asDouble();
        row.put("outcome", "completed");
        row.put("contacts at API", Stats.integer(figures.get("contacts").asLong()));
        row.put("requests", Stats.integer(figures.get("requests").asLong()));
        row.put("wall s", Stats.decimal(seconds));
        row.put("contacts/s", Stats.integer(figures.get("contacts").asLong() / seconds));
        if (requestsPerMinute > 0) {
            double bound = figures.get("requests").asLong() * 60.0 / requestsPerMinute;
            row.put("bound s (requests / rate)", Stats.decimal(bound));
            row.put("wall vs bound", String.format("%+.1f%%", (seconds / bound - 1) * 100));
            double span = figures.get("spanSeconds").asDouble();
            double spanBound = (figures.get("requests").asLong() - 1) * 60.0 / requestsPerMinute;
            row.put("first..last answer s", Stats.decimal(span));
            row.put("span vs bound ((requests - 1) / rate)", String.format("%+.1f%%", (span / spanBound - 1) * 100));
        } else {
            row.put("bound s (requests / rate)", "-");
            row.put("wall vs bound", "-");
            row.put("first..last answer s", "-");
            row.put("span vs bound ((requests - 1) / rate)", "-");
        }
        row.put("peak pending batches", Stats.integer(figures.get("peakPendingBatches").asLong()));
        row.put("peak heap used MB", megabytes(figures.get("peakUsedBytes")));
        row.put("peak after any GC MB", megabytes(figures.get("peakAfterGcBytes")));
        row.put("peak live MB (full GC each s)", megabytes(figures.get("peakLiveBytes")));
        row.put("GCs", Stats.integer(figures.get("gcCount").asLong()));
        row.put("GC ms", Stats.integer(figures.get("gcMillis").asLong()));
        report.add(TITLE, variant, row);
    }

    private static String megabytes(JsonNode bytes) {
        return Stats.decimal(bytes.asLong() / 1024.0 / 1024.0);
    }

    /** This JVM's class path: exec:java puts the project's on a URLClassLoader, surefire and java -cp on the system's. */
    private static String classpath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.toURI()).getPath());
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}
