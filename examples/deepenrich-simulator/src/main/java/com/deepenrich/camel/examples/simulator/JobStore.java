package com.deepenrich.camel.examples.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All jobs by id, kept for the simulator's lifetime.
 */
final class JobStore {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    void add(Job job) {
        jobs.put(job.id(), job);
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
