package com.deepenrich.camel.examples.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A benchmark's application in a JVM of its own, so that its heap holds the application alone: started with this
 * JVM's class path, its output read line by line, the line that starts with the result prefix read as its figures
 * (JSON). The child ends with its parent ({@link ChildMain#parentLines}); {@link #close} kills it if it still runs.
 */
final class ChildJvm implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FAILURE = Pattern.compile("OutOfMemoryError|StackOverflowError|stalled at|Exception");

    private final Process process;
    private final Writer input;
    private final long startNanos = System.nanoTime();

    /** Starts {@code main} with {@code jvmOptions} (such as {@code -Xmx32m}) and {@code args}. */
    ChildJvm(List<String> jvmOptions, Class<?> main, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(), main.getName()));
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Writes a line to the child's standard input. */
    void tell(String line) {
        try {
            input.write(line + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the child JVM", e);
        }
    }

    /**
     * Reads the child's output until it exits (killing it after {@code timeout}), each line but the figures' to
     * {@code eachLine}; returns the figures, or the reason there are none.
     */
    Outcome await(String resultPrefix, Duration timeout, Consumer<String> eachLine) throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("child-timeout"));
        killer.schedule(process::destroyForcibly, timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode figures = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(resultPrefix)) {
                    figures = MAPPER.readTree(line.substring(resultPrefix.length()));
                } else {
                    output.add(line);
                    eachLine.accept(line);
                }
            }
            process.waitFor();
        } finally {
            killer.shutdownNow();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (process.exitValue() == 0 && figures != null) {
            return new Outcome(figures, null);
        }
        return new Outcome(null, "FAILED after " + Stats.decimal(seconds) + " s: "
                                 + output.stream().filter(l -> FAILURE.matcher(l).find()).findFirst()
                                         .orElse("exit " + process.exitValue()));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The child's figures, or why it gave none (null figures). */
    record Outcome(JsonNode figures, String failure) {

        boolean completed() {
            return figures != null;
        }
    }

    /**
     * This JVM's class path: exec:java puts the project's on a URLClassLoader, surefire and java -cp on the system's.
     */
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
