package com.deepenrich.camel.examples.simulator;

/**
 * Every error the simulated API answers: HTTP status, {@code code} and {@code message} of the JSON body.
 */
enum ApiError {

    AUTHORIZATION_NOT_SET(401, "error.authorization.not_set", "Authorization headers not set"),
    AUTHORIZATION_NOT_BEARER(401, "error.authorization.not_bearer", "Authorization headers not have prefix 'bearer'"),
    UNKNOWN_API_KEY(401, "error.api.key", "Unknown api key"),
    RATE_LIMIT(429, "error.rate.limit", "Too many requests. Try again in 1m"),
    INJECTED_SERVER_ERROR(500, "error.server", "Internal server error (injected)"),
    SERVER_ERROR(500, "error.server", "Internal server error"),
    ROUTE_NOT_FOUND(404, "error.route.not_found", "Route not found"),
    REQUEST_INVALID(400, "error.request.invalid", "Request body is not valid"),
    NAME_EMPTY(400, "error.enrichment.name.empty", "Name is empty"),
    DATA_EMPTY(400, "error.enrichment.data.empty", "Data is empty"),
    DATA_EXCEEDED(400, "error.enrichment.data.exceeded", "Data exceeds the limit of 100 contacts"),
    WEBHOOK_URL(400, "error.enrichment.webhook_url", "Webhook url is invalid"),
    FIRSTNAME_EMPTY(400, "error.enrichment.firstname.empty", "Firstname is empty"),
    LASTNAME_EMPTY(400, "error.enrichment.lastname.empty", "Lastname is empty"),
    DOMAIN_EMPTY(400, "error.enrichment.domain.empty", "Domain and company name are empty"),
    DOMAIN_INVALID(400, "error.enrichment.domain.invalid", "Domain is invalid"),
    LINKEDIN_URL_INVALID(400, "error.enrichment.linkedin_url.invalid", "Linkedin url is invalid"),
    CUSTOM_KEY_EXCEEDED(400, "error.enrichment.custom.key.exceeded", "Custom has more than 10 keys"),
    CUSTOM_VALUE_EXCEEDED(400, "error.enrichment.custom.value.exceeded",
            "Custom values must be strings of at most 100 characters"),
    IN_PROGRESS(400, "error.enrichment.in_progress", "Enrichment not ready, try again in 30 seconds"),
    NOT_FOUND(404, "error.enrichment.not_found", "Enrichment not found");

    private final int status;
    private final String code;
    private final String message;

    ApiError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    int status() {
        return status;
    }

    /** The JSON body {@code {"code": ..., "message": ...}}. */
    Body body() {
        return new Body(code, message);
    }

    ApiException exception() {
        return new ApiException(this);
    }

    record Body(String code, String message) {
    }
}
