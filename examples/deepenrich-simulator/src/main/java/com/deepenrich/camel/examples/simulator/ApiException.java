package com.deepenrich.camel.examples.simulator;

/**
 * Thrown anywhere in request handling to answer with one {@link ApiError}.
 */
final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ApiError error;

    ApiException(ApiError error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
