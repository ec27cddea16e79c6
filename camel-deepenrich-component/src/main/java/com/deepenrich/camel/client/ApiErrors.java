package com.deepenrich.camel.client;

import com.deepenrich.camel.DeepEnrichAuthenticationException;
import com.deepenrich.camel.DeepEnrichException;
import com.deepenrich.camel.DeepEnrichInsufficientCreditsException;
import com.deepenrich.camel.DeepEnrichNotFoundException;
import com.deepenrich.camel.DeepEnrichRateLimitException;
import com.deepenrich.camel.DeepEnrichServerException;
import com.deepenrich.camel.DeepEnrichValidationException;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns an API error answer ({@code {"code": "...", "message": "..."}}) into the matching
 * {@link DeepEnrichException}. The error code wins over the HTTP status where both speak.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static DeepEnrichException toException(ApiResponse response, String requestName) {
        String code = null;
        String message = null;
        try {
            JsonNode node = DeepEnrichJson.tree(response.body());
            code = text(node, "code");
            message = text(node, "message");
        } catch (Exception notJson) {
            // a proxy's HTML page or an empty body: the status alone speaks
        }
        if (message == null) {
            message = "HTTP " + response.status() + " with no DeepEnrich error body";
        }
        int status = response.status();
        String c = code == null ? "" : code;
        if (c.startsWith("error.authorization") || c.equals("error.api.key") || status == 401 || status == 403) {
            return new DeepEnrichAuthenticationException(code, message, status, requestName, null);
        }
        if (status == 402 || c.contains("credit")) {
            return new DeepEnrichInsufficientCreditsException(code, message, status, requestName, null);
        }
        if (status == 429 || c.equals("error.rate.limit")) {
            return new DeepEnrichRateLimitException(code, message, status, requestName, null);
        }
        if (status == 404) {
            return new DeepEnrichNotFoundException(code, message, status, requestName, null);
        }
        if (status >= 500) {
            return new DeepEnrichServerException(code, message, status, requestName, null);
        }
        if (status == 400 || status == 422) {
            return new DeepEnrichValidationException(code, message, status, requestName, null);
        }
        return new DeepEnrichException(code, message, status, requestName, null);
    }

    static String code(ApiResponse response) {
        try {
            return text(DeepEnrichJson.tree(response.body()), "code");
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
