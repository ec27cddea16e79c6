package com.deepenrich.camel.examples.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine and JVM a run measured, printed above its tables. */
final class Machine {

    private Machine() {
    }

    static String describe(Scale scale) {
        Runtime runtime = Runtime.getRuntime();
        return "Machine: " + runtime.availableProcessors() + " cores (" + cpuModel() + "), "
               + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
               + System.getProperty("java.version") + ", max heap " + runtime.maxMemory() / 1024 / 1024
               + " MB; scale " + scale.name();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException notLinux) {
            return "unknown CPU";
        }
    }
}
