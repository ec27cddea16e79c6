package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JIT's compiler threads ("C1 CompilerThread", "C2 CompilerThread"), read from
 * {@code /proc/self/task} (Linux; the JVM hides these threads from ThreadMXBean). Compilation is a warm-up cost
 * that falls in whichever measure runs while it happens, so B1 shows it apart.
 */
final class CompilerThreadsCpu {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> ticksByThread;

    private CompilerThreadsCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    /** The compiler threads' CPU so far, thread by thread (none where {@code /proc} cannot tell). */
    static CompilerThreadsCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name = Files.readString(task.resolve("comm"));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String stat = Files.readString(task.resolve("stat"));
                    ticks.put(task.getFileName().toString(), userAndSystemTicks(stat));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            ticks.clear();
        }
        return new CompilerThreadsCpu(ticks);
    }

    /**
     * Nanoseconds of CPU the compiler threads used since {@code earlier}, thread by thread: the JVM stops idle
     * compiler threads and starts new ones, so a plain sum of what is left could go down.
     */
    long nanosSince(CompilerThreadsCpu earlier) {
        long ticks = 0;
        for (Map.Entry<String, Long> thread : ticksByThread.entrySet()) {
            ticks += thread.getValue() - earlier.ticksByThread.getOrDefault(thread.getKey(), 0L);
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Fields 14 and 15 (utime, stime) of {@code /proc/<pid>/task/<tid>/stat}, after the parenthesized name. */
    private static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
