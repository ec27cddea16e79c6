package com.deepenrich.camel.examples.simulator;

/**
 * One API operation, called after authentication, rate limiting and fault injection.
 */
@FunctionalInterface
interface Endpoint {

    /** The body of the 200 answer, serialized as JSON. */
    Object handle(ApiRequest request) throws ApiException;
}
