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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A test application run in a child JVM on the test's class path, its output lines collected as they come: bounded
 * waits on it, and a kill -9. The component's crash tests and the examples' use it (published in the test-jar).
 * <p>
 * No child outlives its test: {@link NodeProcessReaper} (registered for every test class by JUnit's extension
 * auto-detection) kills those still alive after each test, whatever path it took; a shutdown hook kills them when
 * the test JVM exits, and a child ends by itself once that JVM is gone ({@link NodeMain}).
 */
public final class NodeProcess {

    private static final Duration AWAIT_AT_MOST = Duration.ofSeconds(30);
    private static final Duration END_AT_MOST = Duration.ofSeconds(60);
    private static final Duration KILL_AT_MOST = Duration.ofSeconds(10);
    /** The children not ended yet; holding them also keeps each one's standard input open (see NodeMain). */
    private static final Set<NodeProcess> ALIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NodeProcess::killAll, "node-process-reaper"));
    }

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private NodeProcess(Process process) {
        this.process = process;
        ALIVE.add(this);
        process.onExit().thenRun(() -> ALIVE.remove(this));
        reader = new Thread(this::readOutput, "node-output");
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
        command.add(NodeMain.class.getName());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Kills (SIGKILL) every child still alive and waits (boundedly) for each to end. */
    static void killAll() {
        List<NodeProcess> alive = List.copyOf(ALIVE);
        alive.forEach(node -> node.process.destroyForcibly());
        for (NodeProcess node : alive) {
            try {
                node.process.waitFor(KILL_AT_MOST.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
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

    /**
     * Waits (at most 30 s) until the condition holds; fails, killing the process, if it does not, or if the process
     * ends first.
     */
    public void await(String what, Check condition) throws Exception {
        await(() -> what, condition);
    }

    /** As {@link #await(String, Check)}, {@code what} told when it fails (the state it found, for instance). */
    public void await(Supplier<String> what, Check condition) throws Exception {
        // the condition is evaluated once per poll and its outcome kept: asked again, it may no longer hold
        AtomicBoolean held = new AtomicBoolean();
        try {
            // checked at once and every 10 ms: a kill test acts right when the condition starts to hold
            Awaitility.await().atMost(AWAIT_AT_MOST).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> {
                        held.set(condition.holds());
                        return held.get() || !process.isAlive();
                    });
        } catch (ConditionTimeoutException e) {
            kill();
            throw new AssertionError("not reached in " + AWAIT_AT_MOST.toSeconds() + " s: " + what.get() + "\n"
                                     + output(),
                    e);
        }
        if (!held.get()) { // the process ended first
            throw new AssertionError("the process ended (" + process.exitValue() + ") before: " + what.get() + "\n"
                                     + output());
        }
    }

    /**
     * Waits (at most 60 s) for the process to end by itself; returns its exit code. {@link #lines()} then holds all
     * it printed.
     */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(END_AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("did not end in " + END_AT_MOST.toSeconds() + " s:\n" + output());
        }
        reader.join(KILL_AT_MOST.toMillis());
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no graceful stop. {@link #lines()} then holds all it printed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(KILL_AT_MOST.toSeconds(), TimeUnit.SECONDS), "the process did not end when killed");
        reader.join(KILL_AT_MOST.toMillis());
    }

    @FunctionalInterface
    public interface Check {

        boolean holds() throws Exception;
    }
}
