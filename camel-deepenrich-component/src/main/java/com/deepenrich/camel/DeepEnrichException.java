package com.deepenrich.camel;

import java.util.List;

import com.deepenrich.camel.model.Rejection;
import com.deepenrich.camel.model.SubmissionProgress;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Base of every DeepEnrich failure, a {@link RuntimeCamelException} that is {@link HttpResponseAware} as Camel's own
 * API components' exceptions are. Carries the API's error {@code code}, its message, the HTTP status (0 when no
 * answer came) and the name of the request it concerns. A {@code bulk} exchange that failed after some of its
 * requests were accepted also tells which enrichment ids were submitted and which contacts were not.
 */
public class DeepEnrichException extends RuntimeCamelException implements HttpResponseAware {

    private final String code;
    private final String apiMessage;
    private int httpStatus;
    private final String requestName;
    private final SubmissionProgress progress;

    public DeepEnrichException(String code, String apiMessage, int httpStatus, String requestName, Throwable cause) {
        super(describe(code, apiMessage, httpStatus, requestName), cause);
        this.code = code;
        this.apiMessage = apiMessage;
        this.httpStatus = httpStatus;
        this.requestName = requestName;
        this.progress = SubmissionProgress.NONE;
    }

    /**
     * {@code failure} with the progress of the exchange it ended: the same message, cause and stack trace. Each
     * subclass has one, so that {@link #withProgress} keeps the type users catch.
     */
    protected DeepEnrichException(DeepEnrichException failure, SubmissionProgress progress) {
        super(failure.getMessage(), failure.getCause());
        setStackTrace(failure.getStackTrace());
        this.code = failure.code;
        this.apiMessage = failure.apiMessage;
        this.httpStatus = failure.httpStatus;
        this.requestName = failure.requestName;
        this.progress = progress;
    }

    /** A failure on this side of the wire (no HTTP answer): {@code code} is ours, such as {@code ledger.record}. */
    public static DeepEnrichException local(String code, String message, String requestName, Throwable cause) {
        return new DeepEnrichException(code, message, 0, requestName, cause);
    }

    /** {@code cause} as a DeepEnrichException: itself when it is one, else wrapped with its text as message. */
    public static DeepEnrichException of(Throwable cause, String requestName) {
        return cause instanceof DeepEnrichException error
                ? error : local(null, String.valueOf(cause), requestName, cause);
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
        return progress.submittedIds();
    }

    /** The contacts of this exchange that were not submitted because of this failure, as received. */
    public List<Object> getUnsubmittedContacts() {
        return progress.unsubmittedContacts();
    }

    /**
     * The contacts of this exchange refused before sending ({@code invalidContacts=skip}): a failure does not hide
     * them, so that submitted, unsubmitted, in doubt and rejected still add up to what was received.
     */
    public List<Rejection> getRejections() {
        return progress.rejections();
    }

    /** How far the exchange this failure ended got; {@link SubmissionProgress#NONE} until a producer tells. */
    public SubmissionProgress getProgress() {
        return progress;
    }

    /** A copy of this failure, of the same type, that tells how far the exchange it ended got. */
    public DeepEnrichException withProgress(SubmissionProgress progress) {
        return new DeepEnrichException(this, progress);
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    /** The API's error code (DeepEnrich answers no reason phrase worth more). */
    @Override
    public String getHttpResponseStatus() {
        return code;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        // the API's code is set once, from its answer
    }

    /** Whether sending the same request again later may succeed (rate limit, server error, network). */
    public boolean isTransient() {
        return false;
    }
}
