package com.deepenrich.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/** A Camel context whose {@code deepenrich} component talks to a {@link WireMockApi}. */
abstract class ProducerTestSupport extends CamelTestSupport {

    final WireMockApi api = new WireMockApi();

    /** After Camel has stopped, so that what a stopping route still sends finds the API. */
    @Override
    protected void doPostTearDown() throws Exception {
        api.close();
        super.doPostTearDown();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("deepenrich", api.component());
        return context;
    }
}
