package com.deepenrich.camel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.InterceptSendToEndpoint;

/**
 * The component's endpoints that Camel still holds, for what is told at stop. Each joins when it starts. Camel evicts
 * endpoints from its cache of dynamic ones ({@code toD}, {@code recipientList}) without stopping them: one that Camel
 * no longer holds is dropped, and its meters removed, when the next one starts, so the component keeps no more
 * endpoints than Camel does, however many URIs a route makes. (An endpoint made and started by hand, which Camel never
 * held, is dropped the same way.)
 */
final class StartedEndpoints {

    private final Set<DeepEnrichEndpoint> endpoints = Collections.newSetFromMap(new IdentityHashMap<>());

    synchronized void started(DeepEnrichEndpoint endpoint, CamelContext camelContext) {
        Set<Endpoint> held = Collections.newSetFromMap(new IdentityHashMap<>());
        camelContext.getEndpointRegistry().values().forEach(e -> held.add(unwrapped(e)));
        // the starting endpoint is not in Camel's registry yet: Camel adds it once started
        endpoints.removeIf(e -> {
            if (e == endpoint || held.contains(e)) {
                return false;
            }
            e.unbindMeters();
            return true;
        });
        endpoints.add(endpoint);
    }

    synchronized List<DeepEnrichEndpoint> all() {
        return new ArrayList<>(endpoints);
    }

    synchronized int size() {
        return endpoints.size();
    }

    synchronized void clear() {
        endpoints.clear();
    }

    /** The endpoint that interceptors ({@code interceptSendToEndpoint}, advice's mocks) stand for in the registry. */
    private static Endpoint unwrapped(Endpoint endpoint) {
        Endpoint e = endpoint;
        while (e instanceof InterceptSendToEndpoint intercepted) {
            e = intercepted.getOriginalEndpoint();
        }
        return e;
    }
}
