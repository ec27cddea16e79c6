package com.deepenrich.camel.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.deepenrich.camel.ledger.PendingEnrichment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An enrichment is read first when its result can be expected, then less and less often while it runs. */
class ReadScheduleTest {

    private static final Instant SUBMITTED = Instant.parse("2026-01-01T10:00:00Z");
    private static final PendingEnrichment JOB = new PendingEnrichment("id-1", "job", SUBMITTED, 100);

    private final ReadSchedule schedule = new ReadSchedule(Duration.ofMinutes(2), Duration.ofMinutes(2),
            Duration.ofMinutes(10));

    @Test
    void theFirstReadIsDueFirstReadAfterTheSubmission() {
        assertFalse(schedule.isDue(JOB, SUBMITTED.plusSeconds(119)));
        assertTrue(schedule.isDue(JOB, SUBMITTED.plusSeconds(120)));
    }

    @Test
    void eachReadThatFindsItRunningDoublesTheWaitUpToTheCap() {
        assertEquals(Duration.ofMinutes(2), schedule.backoff(1));
        assertEquals(Duration.ofMinutes(4), schedule.backoff(2));
        assertEquals(Duration.ofMinutes(8), schedule.backoff(3));
        assertEquals(Duration.ofMinutes(10), schedule.backoff(4));
        assertEquals(Duration.ofMinutes(10), schedule.backoff(64));

        Instant read = SUBMITTED.plusSeconds(120);
        schedule.readRunning("id-1", read);
        schedule.readRunning("id-1", read);
        assertFalse(schedule.isDue(JOB, read.plus(Duration.ofMinutes(4)).minusSeconds(1)));
        assertTrue(schedule.isDue(JOB, read.plus(Duration.ofMinutes(4))));
    }

    @Test
    void aForgottenOrNoLongerPendingIdIsDueAsOnSubmission() {
        Instant read = SUBMITTED.plusSeconds(120);
        schedule.readRunning("id-1", read);
        assertFalse(schedule.isDue(JOB, read));

        schedule.forget("id-1");
        assertTrue(schedule.isDue(JOB, read));

        schedule.readRunning("id-1", read);
        schedule.retainOnly(Set.of("id-2"));
        assertTrue(schedule.isDue(JOB, read));
    }
}
