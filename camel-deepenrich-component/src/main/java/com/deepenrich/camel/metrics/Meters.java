package com.deepenrich.camel.metrics;

import com.deepenrich.camel.DeepEnrichEndpoint;
import org.apache.camel.CamelContext;

/**
 * Micrometer meters for an endpoint when Micrometer is on the classpath and a {@code MeterRegistry} is in the Camel
 * registry; nothing otherwise. Micrometer is an optional dependency: only {@link MicrometerMeters} names its types.
 */
public final class Meters {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private Meters() {
    }

    /** The meters bound for {@code endpoint}; closing removes them from the registry. */
    public static AutoCloseable bind(CamelContext camelContext, DeepEnrichEndpoint endpoint) {
        if (camelContext.getClassResolver().resolveClass(METER_REGISTRY) == null) {
            return () -> {};
        }
        return MicrometerMeters.bind(camelContext, endpoint);
    }
}
