package com.deepenrich.camel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test application run in a child JVM on the test's class path, its output lines collected as they come. */
final class NodeProcess {

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main}'s main method with {@code args} in a new JVM. */
    static NodeProcess start(Class<?> main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
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

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits (at most 20 s) until the condition holds; fails if the process ends first. */
    void await(String what, Check condition) throws Exception {
        await(() -> what, condition);
    }

    /** As {@link #await(String, Check)}, {@code what} told when it fails (the state it found, for instance). */
    void await(Supplier<String> what, Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.holds()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("not reached: " + what.get() + "\n" + String.join("\n", lines()));
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
