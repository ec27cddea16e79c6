package com.deepenrich.camel.examples.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The job in its own JVM (the test's classpath), its output lines collected as they come. */
final class JobProcess {

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private JobProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The job with these options, as system properties. */
    static JobProcess start(Map<String, String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.log.com.deepenrich.camel.examples.csv=info"));
        options.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(CsvEnrichmentApp.class.getName());
        return new JobProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits (bounded) until the condition holds; fails if the child ends first. */
    void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the job ended before the condition held:\n" + String.join("\n", lines()));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("condition not reached in 30 s:\n" + String.join("\n", lines()));
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end in 60 s:\n" + String.join("\n", lines()));
        }
        return process.exitValue();
    }
}
