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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * B4: a generated CSV streamed through the main job's route in a child JVM limited to {@value #MAX_HEAP}: it must
 * complete; its peak heap is reported.
 */
final class MemoryBenchmark {

    static final String TITLE = "B4 memory";
    static final String MAX_HEAP = "256m";

    private MemoryBenchmark() {
    }

    static void run(Scale scale, Report report) throws Exception {
        Path csv = Path.of("target", "b4-contacts-" + scale.streamedContacts() + ".csv");
        SyntheticContacts.writeCsv(csv, scale.streamedContacts());
        Path gcLog = Path.of("target", "b4-gc.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + MAX_HEAP, "-Xlog:gc:file=" + gcLog, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath(), StreamingJob.class.getName(), csv.toString(),
                Integer.toString(scale.streamedContacts()));
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
        if (!child.waitFor(30, TimeUnit.MINUTES) || child.exitValue() != 0 || figures == null) {
            throw new IllegalStateException("the -Xmx" + MAX_HEAP + " child JVM did not complete (exit "
                                            + (child.isAlive() ? "none" : child.exitValue()) + "): "
                                            + String.join("\n", output));
        }
        double seconds = figures.get("seconds").asDouble();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("-Xmx", MAX_HEAP);
        row.put("contacts at API", Stats.integer(figures.get("contacts").asLong()));
        row.put("requests", Stats.integer(figures.get("requests").asLong()));
        row.put("wall s", Stats.decimal(seconds));
        row.put("contacts/s", Stats.integer(figures.get("contacts").asLong() / seconds));
        row.put("peak heap used MB", megabytes(figures.get("peakUsedBytes")));
        row.put("peak live after GC MB", megabytes(figures.get("peakAfterGcBytes")));
        row.put("GCs", Stats.integer(figures.get("gcCount").asLong()));
        row.put("GC ms", Stats.integer(figures.get("gcMillis").asLong()));
        report.add(TITLE, "CSV -> split streaming -> aggregate 100 -> deepenrich:bulk", row);
        report.note(TITLE + ": child JVM -Xmx" + MAX_HEAP + ", CSV " + csv + " generated at run time, GC log in "
                    + gcLog + ".");
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
