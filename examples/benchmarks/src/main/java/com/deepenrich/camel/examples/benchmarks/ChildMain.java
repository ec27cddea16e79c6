package com.deepenrich.camel.examples.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** What a child JVM of {@link ChildJvm} does to hear its parent, and to end when the parent is gone. */
final class ChildMain {

    private ChildMain() {
    }

    /**
     * The lines the parent writes, read by a daemon thread; when the parent's end of the pipe closes (it exited or
     * was killed), this JVM halts, so no child outlives the run that started it.
     */
    static BlockingQueue<String> parentLines() {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException gone) {
                // the parent is gone as well
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
