package com.deepenrich.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionProgress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failure tells how far its exchange got through a copy of the same type; the failure itself never changes. */
class ExceptionProgressTest {

    private static final SubmissionProgress PROGRESS = new SubmissionProgress(List.of("e-1"),
            List.of(Map.of("firstname", "Ada")), List.of(Map.of("firstname", "Alan")),
            List.of(new Rejection(3, "lastname", "lastname is required", Map.of("firstname", "Hedy"))));

    @Test
    void theCopyKeepsTypeMessageCauseAndStackTraceAndTheOriginalStaysAsItWas() {
        Exception cause = new IOException("reset");
        DeepEnrichRateLimitException failure = new DeepEnrichRateLimitException("error.rate.limit",
                "Too many requests", 429, "leads", cause);

        DeepEnrichRateLimitException told = failure.withProgress(PROGRESS);

        assertEquals(failure.getMessage(), told.getMessage());
        assertSame(cause, told.getCause());
        assertArrayEquals(failure.getStackTrace(), told.getStackTrace());
        assertEquals(429, told.getHttpResponseCode());
        assertEquals("error.rate.limit", told.getCode());
        assertTrue(told.isTransient());
        assertEquals(List.of("e-1"), told.getSubmittedIds());
        assertEquals(PROGRESS.unsubmittedContacts(), told.getUnsubmittedContacts());
        assertEquals(PROGRESS.rejections(), told.getRejections());
        assertEquals(SubmissionProgress.NONE, failure.getProgress(), "the failure itself is not changed");
    }

    @Test
    void subclassesKeepTheirOwnFields() {
        DeepEnrichCreditsBudgetException budget = new DeepEnrichCreditsBudgetException(100, 60, 30, 20, "leads")
                .withProgress(PROGRESS);
        assertEquals(List.of(100L, 60L, 30L), List.of(budget.getBudget(), budget.getSpent(), budget.getReserved()));

        DeepEnrichInDoubtException inDoubt = new DeepEnrichInDoubtException("no answer", "leads", null)
                .withProgress(PROGRESS);
        assertEquals(PROGRESS.inDoubtContacts(), inDoubt.getInDoubtContacts());

        DeepEnrichTimeoutException timeout = new DeepEnrichTimeoutException(List.of("e-2"), "leads", 1000)
                .withProgress(PROGRESS);
        assertEquals(List.of("e-2"), timeout.getPendingIds());

        DeepEnrichValidationException refused = new DeepEnrichValidationException("error.enrichment.data.empty",
                "no contacts", 400, "leads", null).withProgress(PROGRESS);
        assertEquals(PROGRESS.rejections(), refused.getRejections(), "those refused before the API refused the rest");
    }

    /** A type without its own withProgress would turn into its parent's type, and a catch by type would miss it. */
    @Test
    void everyDeepEnrichExceptionTypeReturnsItsOwnTypeFromWithProgress() throws Exception {
        List<Class<?>> types;
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/com/deepenrich/camel"))) {
            types = sources.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("DeepEnrich") && name.endsWith("Exception.java"))
                    .<Class<?>>map(name -> load("com.deepenrich.camel." + name.replace(".java", ""))).toList();
        }
        assertTrue(types.size() >= 10, "found " + types);
        for (Class<?> type : types) {
            assertEquals(type, type.getDeclaredMethod("withProgress", SubmissionProgress.class).getReturnType(),
                    type.getSimpleName());
        }
        assertInstanceOf(DeepEnrichInsufficientCreditsException.class,
                new DeepEnrichCreditsBudgetException(1, 0, 0, 2, "x").withProgress(PROGRESS));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
