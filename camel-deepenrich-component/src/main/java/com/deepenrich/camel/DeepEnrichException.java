package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.Rejection;

/**
 * Base of every DeepEnrich failure. Carries the API's error {@code code}, its message, the HTTP status (0 when no
 * answer came) and the name of the request it concerns. A {@code bulk} exchange that failed after some of its
 * requests were accepted also tells which enrichment ids were submitted and which contacts were not.
 */
public class DeepEnrichException extends RuntimeException {

    private final String code;
    private final String apiMessage;
    private final int httpStatus;
    private final String requestName;
    private List<String> submittedIds = List.of();
    private List<Object> unsubmittedContacts = List.of();
    private List<Rejection> rejections = List.of();

    public DeepEnrichException(String code, String apiMessage, int httpStatus, String requestName, Throwable cause) {
        super(describe(code, apiMessage, httpStatus, requestName), cause);
        this.code = code;
        this.apiMessage = apiMessage;
        this.httpStatus = httpStatus;
        this.requestName = requestName;
    }

    private static String describe(String code, String apiMessage, int httpStatus, String requestName) {
        StringBuilder sb = new StringBuilder("DeepEnrich ");
        if (code != null) {
            sb.append(code).append(": ");
        }
        sb.append(apiMessage);
        if (httpStatus > 0) {
            sb.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (requestName != null) {
            sb.append(" [request '").append(requestName).append("']");
        }
        return sb.toString();
    }

    /** The API's error code, such as {@code error.api.key}; null when the API gave none. */
    public String getCode() {
        return code;
    }

    /** The API's own message, or what went wrong on our side. */
    public String getApiMessage() {
        return apiMessage;
    }

    /** HTTP status of the answer, 0 when none came (connection failure, timeout). */
    public int getHttpStatus() {
        return httpStatus;
    }

    /** The {@code name} of the enrichment request concerned, when there was one. */
    public String getRequestName() {
        return requestName;
    }

    /** Enrichment ids of this exchange's requests that were accepted before the failure (already in the ledger). */
    public List<String> getSubmittedIds() {
        return submittedIds;
    }

    /** The contacts of this exchange that were not submitted because of this failure, as received. */
    public List<Object> getUnsubmittedContacts() {
        return unsubmittedContacts;
    }

    /**
     * The contacts of this exchange refused before sending ({@code invalidContacts=skip}): a failure does not hide
     * them, so that submitted, unsubmitted, in doubt and rejected still add up to what was received.
     */
    public List<Rejection> getRejections() {
        return rejections;
    }

    public DeepEnrichException withProgress(List<String> submittedIds, List<Object> unsubmittedContacts) {
        this.submittedIds = List.copyOf(submittedIds);
        this.unsubmittedContacts = List.copyOf(unsubmittedContacts);
        return this;
    }

    public DeepEnrichException withRejections(List<Rejection> rejections) {
        this.rejections = List.copyOf(rejections);
        return this;
    }

    /** Whether sending the same request again later may succeed (rate limit, server error, network). */
    public boolean isTransient() {
        return false;
    }
}
