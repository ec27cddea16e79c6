package com.deepenrich.camel.examples.simulator;

/**
 * Read-only view of one enrichment, for assertions in tests.
 *
 * @param creditsSpent credits charged for the job, 0 until it reaches a final status
 */
public record JobView(String id, String name, JobStatus status, int contactCount, long creditsSpent) {
}
