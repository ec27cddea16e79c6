package com.deepenrich.camel.examples.simulator;

/**
 * The enrichment statuses the simulator produces (a subset of the documented ones).
 */
public enum JobStatus {

    CREATED,
    IN_PROGRESS,
    FINISHED,
    CREDITS_INSUFFICIENT;

    public boolean isFinal() {
        return this == FINISHED || this == CREDITS_INSUFFICIENT;
    }
}
