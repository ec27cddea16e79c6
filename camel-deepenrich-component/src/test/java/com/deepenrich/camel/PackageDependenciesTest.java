package com.deepenrich.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies point down: the producer, the poll consumer and the webhook use the shared packages (client, ledger,
 * model, callback, util ...), never one another, and no shared package uses any of the three.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/deepenrich/camel");
    private static final List<String> ENTRY_POINTS = List.of("producer", "consumer", "webhook");
    private static final Pattern IMPORT =
            Pattern.compile("^import com\\.deepenrich\\.camel\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageReachesSidewaysOrUpIntoAnEntryPoint() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(source);
                if (relative.getNameCount() < 2) {
                    continue; // the root package wires everything together
                }
                files++;
                String from = relative.getName(0).toString();
                Matcher imported = IMPORT.matcher(Files.readString(source));
                while (imported.find()) {
                    String to = imported.group(1);
                    if (!to.equals(from) && ENTRY_POINTS.contains(to)) {
                        violations.add(relative + " imports " + to);
                    }
                }
            }
        }
        assertTrue(files > 20, "read the component's sources: " + files);
        assertEquals(List.of(), violations);
    }
}
