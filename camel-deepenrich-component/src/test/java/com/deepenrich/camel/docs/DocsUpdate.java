package com.deepenrich.camel.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The docs tests check that a page shows what the code has; with {@code -Ddocs.update=true} they rewrite the page
 * from the code instead, and then fail, so that a build which sets it by mistake cannot pass.
 */
public final class DocsUpdate {

    private static final boolean UPDATING = Boolean.getBoolean("docs.update");

    private DocsUpdate() {
    }

    /** Asserts that {@code doc} reads {@code expected}; in update mode writes {@code expected} into it. */
    public static void check(Path doc, String actual, String expected, String staleMessage) throws IOException {
        if (!UPDATING) {
            assertEquals(expected, actual, staleMessage);
        } else if (!expected.equals(actual)) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
    }

    /** Last in an updating test: the run fails, whether or not a page changed. */
    public static void failIfUpdating() {
        if (UPDATING) {
            fail("-Ddocs.update=true rewrote the docs from the code (see git diff): commit them and run the tests "
                 + "without it; this mode never passes");
        }
    }
}
