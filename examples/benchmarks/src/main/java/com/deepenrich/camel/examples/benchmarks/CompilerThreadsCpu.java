package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JIT's compiler threads ("C1 CompilerThread", "C2 CompilerThread"), read from
 * {@code /proc/self/task} (Linux; the JVM hides these threads from ThreadMXBean). Compilation is a warm-up cost
 * that falls in whichever measure runs while it happens, so B1 shows it apart.
 */
final class CompilerThreadsCpu {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in ticks of 10 ms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CompilerThreadsCpu() {
    }

    /** Nanoseconds of CPU the compiler threads used so far; -1 where {@code /proc} cannot tell. */
    static long nanos() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                    ticks += userAndSystemTicks(Files.readString(task.resolve("stat")));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** Fields 14 and 15 (utime, stime) of {@code /proc/<pid>/task/<tid>/stat}, after the parenthesized name. */
    private static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
