package com.deepenrich.camel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test application run in a child JVM on the test's class path, its output lines collected as they come: bounded
 * waits on it, and a kill -9. The component's crash tests and the examples' use it (published in the test-jar).
 */
public final class NodeProcess {

    private static final Duration AWAIT_AT_MOST = Duration.ofSeconds(30);
    private static final Duration END_AT_MOST = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main}'s main method with {@code args} in a new JVM. */
    public static NodeProcess start(Class<?> main, String... args) throws IOException {
        return start(main, Map.of(), args);
    }

    /** As {@link #start(Class, String...)}, with these JVM system properties ({@code -Dname=value}). */
    public static NodeProcess start(Class<?> main, Map<String, String> systemProperties, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
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

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The output so far, one line after another. */
    public String output() {
        return String.join("\n", lines());
    }

    /** Waits (at most 30 s) until the condition holds; fails, killing the process, if it ends first. */
    public void await(String what, Check condition) throws Exception {
        await(() -> what, condition);
    }

    /** As {@link #await(String, Check)}, {@code what} told when it fails (the state it found, for instance). */
    public void await(Supplier<String> what, Check condition) throws Exception {
        try {
            // checked at once and every 10 ms: a kill test acts right when the condition starts to hold
            Awaitility.await().atMost(AWAIT_AT_MOST).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> condition.holds() || !process.isAlive());
            if (condition.holds()) {
                return;
            }
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("not reached in " + AWAIT_AT_MOST.toSeconds() + " s: " + what.get() + "\n"
                                     + output(),
                    e);
        }
        throw new AssertionError("the process ended (" + process.exitValue() + ") before: " + what.get() + "\n"
                                 + output());
    }

    /** Waits (at most 60 s) for the process to end by itself; returns its exit code. */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(END_AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end in " + END_AT_MOST.toSeconds() + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    }

    @FunctionalInterface
    public interface Check {

        boolean holds() throws Exception;
    }
}
