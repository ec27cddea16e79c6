package com.deepenrich.camel;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code toD} through more distinct {@code deepenrich:} URIs than Camel's endpoint cache holds (its default, 1,000):
 * Camel drops the endpoints it evicts from its cache without stopping them, and the component keeps no more of them
 * than Camel does, nor their Micrometer meters or MBeans.
 */
class DynamicEndpointsTest extends ProducerTestSupport {

    private static final int URIS = 2_000;

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:submit").toD("deepenrich:bulk?name=${header.batch}");
            }
        };
    }

    @Test
    void theComponentKeepsNoMoreEndpointsThanCamelsCache() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        for (int batch = 0; batch < URIS; batch++) {
            template.sendBodyAndHeader("direct:submit", WireMockApi.contacts(batch, 1), "batch", "b" + batch);
        }
        assertEquals(URIS, api.bulkRequests().size(), "every URI's endpoint sent its batch");

        int cached = CamelContextHelper.getMaximumEndpointCacheSize(context);
        assertEquals(1000, cached, "precondition: Camel's default endpoint cache");
        // the endpoints Camel holds, and the last one it evicted (dropped when the next one starts)
        int bound = cached + 1;
        DeepEnrichComponent component = context.getComponent("deepenrich", DeepEnrichComponent.class);
        assertTrue(component.endpointCount() <= bound, "endpoints kept: " + component.endpointCount());
        long metered = meters.getMeters().stream().map(Meter::getId).map(id -> id.getTag("endpoint"))
                .filter(name -> name != null && name.startsWith("deepenrich://bulk?name=")).distinct().count();
        assertTrue(metered > 0 && metered <= bound, "endpoints with meters: " + metered);
        int mbeans = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=endpoints,*"), null).size();
        assertTrue(mbeans <= bound, "endpoint MBeans: " + mbeans);
    }
}
