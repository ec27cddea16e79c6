package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;

/** One way of submitting contacts to POST /contact/enrich/bulk, measured by {@link SubmitThroughputBenchmark}. */
public interface SubmitVariant extends AutoCloseable {

    String name();

    /** Called before each round, out of its measure. */
    default void beforeRound() throws Exception {
    }

    /** Sends every contact and returns once the API acknowledged each of them. */
    void submit(List<Map<String, Object>> contacts) throws Exception;

    @Override
    void close() throws Exception;
}
