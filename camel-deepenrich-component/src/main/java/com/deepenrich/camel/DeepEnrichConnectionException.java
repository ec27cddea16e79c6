package com.deepenrich.camel;

import com.deepenrich.camel.model.SubmissionProgress;

/**
 * No answer from DeepEnrich after every retry: connection refused or reset, or the request timed out.
 */
public class DeepEnrichConnectionException extends DeepEnrichException {

    public DeepEnrichConnectionException(String code, String apiMessage, int httpStatus, String requestName,
                                         Throwable cause) {
        super(code, apiMessage, httpStatus, requestName, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    protected DeepEnrichConnectionException(DeepEnrichConnectionException failure, SubmissionProgress progress) {
        super(failure, progress);
    }

    @Override
    public DeepEnrichConnectionException withProgress(SubmissionProgress progress) {
        return new DeepEnrichConnectionException(this, progress);
    }
}
